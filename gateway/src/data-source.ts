import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { ACTOR_HEADER, REQUEST_ID_HEADER, signActor } from '@attendant/kit';
import type { GatewayContext } from './context';
import { httpFetcher, request, type BufferedResponse } from './http-fetcher';

/*
 * In-flight deduplication: identical subgraph requests (same subgraph, same body, same actor)
 * that overlap in time share one HTTP call and its buffered response. Only queries are shared,
 * never mutations, and the actor is part of the key, so one caller never sees another's data.
 */
export function dedupingFetcher(enabled: boolean): Fetcher {
  if (!enabled) return httpFetcher;
  const inflight = new Map<string, Promise<BufferedResponse>>();
  return ((url: string, init?: FetcherRequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : null;
    // Only bodies that are plainly queries are shared; anything else (mutations) goes straight through.
    if (!body || init?.method !== 'POST' || !/^\{"query":"\s*(query\b|\{)/.test(body))
      return request(url, init);
    const headers = (init.headers ?? {}) as Record<string, string>;
    const key = `${url}\n${headers[ACTOR_HEADER] ?? ''}\n${body}`;
    let shared = inflight.get(key);
    if (!shared) {
      shared = request(url, init).finally(() => inflight.delete(key));
      inflight.set(key, shared);
    }
    return shared;
  }) as unknown as Fetcher;
}

/** Signs every subgraph request with the caller's actor and forwards the request id. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.actor) return;
    for (const [name, value] of Object.entries(signActor(context.actor, this.secret)))
      headers.set(name, value);
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
