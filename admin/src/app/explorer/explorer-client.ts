import { inject, Injectable } from '@angular/core';
import { Apollo, gql } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { SessionStore } from '../core/session.store';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** A GraphQL response as the server sent it (plus the HTTP status). */
export interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: unknown;
}

/**
 * Runs hand-written operations as the signed-in user: queries and mutations over HTTP exactly
 * as typed (no cache, no added __typename), subscriptions over the console's WebSocket.
 */
@Injectable({ providedIn: 'root' })
export class ExplorerClient {
  private readonly store = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly apollo = inject(Apollo);

  async execute(request: GraphQLRequest): Promise<{ status: number; body: GraphQLResponse }> {
    let res = await this.post(request);
    if (unauthenticated(res.status, res.body) && this.store.signedIn()) {
      // The access token expired: refresh once and try again, like the Apollo client does.
      const session = await this.auth.refresh();
      if (!session) {
        void this.auth.logout();
        return res;
      }
      res = await this.post(request);
    }
    return res;
  }

  subscribe(request: GraphQLRequest): Observable<unknown> {
    return this.apollo.subscribe({
      query: gql(request.query),
      variables: request.variables ?? {},
      fetchPolicy: 'no-cache',
    });
  }

  private async post(request: GraphQLRequest): Promise<{ status: number; body: GraphQLResponse }> {
    const token = this.store.session()?.accessToken;
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(request),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as GraphQLResponse };
    } catch {
      return {
        status: res.status,
        body: {
          errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 500) || res.statusText}` }],
        },
      };
    }
  }
}

function unauthenticated(status: number, body: GraphQLResponse): boolean {
  return (
    status === 401 || (body.errors ?? []).some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}
