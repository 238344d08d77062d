import { provideHttpClient, withFetch } from '@angular/common/http';
import { inject, Injector, type EnvironmentProviders, type Provider } from '@angular/core';
import { ApolloLink, InMemoryCache, CombinedGraphQLErrors } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { createClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import { AuthService } from './auth.service';
import { SessionStore } from './session.store';
import { Reconnects } from './reconnects';

/*
 * One Apollo client: HTTP for queries and mutations, graphql-ws for subscriptions, both on the
 * gateway's same-origin /graphql. An access token that expired is refreshed once and the
 * operation retried; when the session has ended the user goes back to the sign-in page.
 */
const isAuthOp = (name: string | undefined) =>
  name === 'Login' || name === 'RefreshSession' || name === 'Logout';

export function provideGraphQL(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withFetch()),
    provideApollo(() => {
      const store = inject(SessionStore);
      // AuthService needs the generated mutations, which need Apollo: resolve it lazily (NG0200 otherwise).
      const injector = inject(Injector);
      const reconnects = inject(Reconnects);
      const http = inject(HttpLink).create({ uri: '/graphql' });
      // The access token, refreshed first when it expires within 30 s.
      const freshToken = async (): Promise<string | null> => {
        const session = store.session();
        if (!session) return null;
        if (Date.parse(session.accessTokenExpiresAt) - Date.now() > 30_000)
          return session.accessToken;
        return (await injector.get(AuthService).refresh())?.accessToken ?? null;
      };
      const wsProtocol = location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new GraphQLWsLink(
        createClient({
          url: `${wsProtocol}://${location.host}/graphql`,
          // Read at every (re)connect; the gateway closes the socket (4401) when the token expires.
          connectionParams: async () => ({
            authorization: `Bearer ${(await freshToken()) ?? ''}`,
          }),
          shouldRetry: () => true,
          retryAttempts: Infinity,
          on: { connected: (_socket, _payload, wasRetry) => wasRetry && reconnects.notify() },
        }),
      );
      const authLink = new SetContextLink(async (prev, operation) => {
        const token = isAuthOp(operation.operationName) ? null : await freshToken();
        return token ? { headers: { ...prev['headers'], authorization: `Bearer ${token}` } } : {};
      });
      // The gateway answers an expired token with HTTP 401 (a network error to Apollo) and a
      // subgraph with UNAUTHENTICATED; either way: refresh once and retry.
      const refreshOnExpiry = new ErrorLink(({ error, operation, forward }) => {
        const status = (error as { statusCode?: number; status?: number } | null) ?? {};
        const expired =
          status.statusCode === 401 ||
          status.status === 401 ||
          (CombinedGraphQLErrors.is(error) &&
            error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'));
        if (!expired || isAuthOp(operation.operationName) || !store.signedIn()) return;
        return new Observable((observer) => {
          const auth = injector.get(AuthService);
          void auth.refresh().then((session) => {
            if (!session) {
              void auth.logout();
              observer.error(error);
              return;
            }
            forward(operation).subscribe(observer);
          });
        });
      });
      const split = ApolloLink.split(
        ({ query }) => {
          const def = getMainDefinition(query);
          return def.kind === 'OperationDefinition' && def.operation === 'subscription';
        },
        ws,
        ApolloLink.from([authLink, http]),
      );
      return {
        link: ApolloLink.from([refreshOnExpiry, split]),
        cache: new InMemoryCache(),
        defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
      };
    }),
  ];
}
