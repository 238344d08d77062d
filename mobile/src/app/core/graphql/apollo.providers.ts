import { inject, type Provider } from '@angular/core';
import { ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { provideApollo } from 'apollo-angular';
import { OperationTypeNode } from 'graphql';
import { AUTH_HOOKS } from '../auth/auth-hooks';
import { RealtimeService } from './realtime.service';

/** Operations that work without (or must not wait for) an access token. */
const PUBLIC_OPERATIONS = new Set(['Login', 'RefreshSession', 'Logout']);

const isUnauthenticated = (error: unknown) =>
  (ServerError.is(error) && error.statusCode === 401) ||
  (CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'));

/**
 * Apollo for the technician app: queries and mutations over HTTP POST to the same-origin
 * /graphql with the bearer token, subscriptions over graphql-ws on the same path.
 */
export function provideGraphql(): Provider {
  return provideApollo(() => {
    const hooks = inject(AUTH_HOOKS);
    const realtime = inject(RealtimeService);

    const auth = new SetContextLink(async (prev, operation) => {
      if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return {};
      const token = await hooks.accessToken();
      return token ? { headers: { ...prev['headers'], authorization: `Bearer ${token}` } } : {};
    });
    const signOutWhenRejected = new ErrorLink(({ error, operation }) => {
      if (!PUBLIC_OPERATIONS.has(operation.operationName ?? '') && isUnauthenticated(error)) {
        hooks.rejected();
      }
    });
    const http = ApolloLink.from([signOutWhenRejected, auth, new HttpLink({ uri: '/graphql' })]);
    const ws = new GraphQLWsLink(realtime.client);

    return {
      link: ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        ws,
        http,
      ),
      cache: new InMemoryCache({
        typePolicies: {
          Query: {
            fields: {
              // Pages of one list (same filter and order) are joined; a first page replaces.
              workOrders: {
                keyArgs: ['filter', 'orderBy'],
                merge(
                  existing: { nodes: unknown[] } | undefined,
                  incoming: { nodes: unknown[] },
                  { args },
                ) {
                  if (!args?.['after'] || !existing) return incoming;
                  return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
                },
              },
            },
          },
        },
      }),
    };
  });
}
