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
export function provideGraphQL(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withFetch()),
    provideApollo(() => {
      const store = inject(SessionStore);
      // AuthService needs the generated mutations, which need Apollo: resolve it lazily (NG0200 otherwise).
      const injector = inject(Injector);
      const reconnects = inject(Reconnects);
      const http = inject(HttpLink).create({ uri: '/graphql' });
      const wsProtocol = location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new GraphQLWsLink(
        createClient({
          url: `${wsProtocol}://${location.host}/graphql`,
          connectionParams: () => ({
            authorization: `Bearer ${store.session()?.accessToken ?? ''}`,
          }),
          shouldRetry: () => true,
          retryAttempts: Infinity,
          on: { connected: (_socket, _payload, wasRetry) => wasRetry && reconnects.notify() },
        }),
      );
      const authLink = new SetContextLink((prev) => {
        const token = store.session()?.accessToken;
        return token ? { headers: { ...prev['headers'], authorization: `Bearer ${token}` } } : {};
      });
      const refreshOnExpiry = new ErrorLink(({ error, operation, forward }) => {
        const expired =
          CombinedGraphQLErrors.is(error) &&
          error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
        const isAuthOp = ['Login', 'RefreshSession', 'Logout'].includes(
          operation.operationName ?? '',
        );
        if (!expired || isAuthOp || !store.signedIn()) return;
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
