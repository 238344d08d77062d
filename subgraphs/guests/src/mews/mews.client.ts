import type { Logger } from '@attendant/kit';
import { InMemoryRateLimiter, type RateLimiter } from './mews.limiter';
import {
  RESERVATION_INTERVALS,
  type AddCustomerInput,
  type AddOrderInput,
  type AddOrderResult,
  type CompaniesResult,
  type CompanyFilter,
  type Customer,
  type CustomerFilter,
  type CustomersResult,
  type MewsErrorBody,
  type Reservation,
  type ReservationFilter,
  type ReservationsResult,
  type ResourceFilter,
  type ResourcesResult,
  type ResourceUpdate,
  type ServiceFilter,
  type ServicesResult,
  type UpdateCustomerInput,
} from './mews.types';

export type MewsErrorKind =
  | 'auth' // 401: bad tokens or no permission
  | 'business' // 403: a business rule failed; the message is meant for the user
  | 'client' // 400/404: a bug on our side
  | 'conflict' // 409: data changed concurrently
  | 'too-heavy' // 408: narrow the request
  | 'rate-limit' // 429 after the retries
  | 'server' // 5xx after the retries
  | 'network'; // no answer (timeout, connection refused) after the retries

export class MewsError extends Error {
  constructor(
    readonly kind: MewsErrorKind,
    message: string,
    readonly status: number | null,
    readonly requestId: string | null,
    readonly operation: string,
  ) {
    super(message);
    this.name = 'MewsError';
  }
}

export interface MewsClientOptions {
  baseUrl: string;
  clientToken: string;
  accessToken: string;
  /** Integration name and version, e.g. "Attendant 1.0.0". */
  client: string;
  logger: Logger;
  limiter?: RateLimiter;
  /** Retries after 429, 5xx or no answer (default 5). */
  maxRetries?: number;
  /** First backoff step in ms (default 500); doubles per attempt, with jitter, up to 30 s. */
  backoffBaseMs?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Filled in by a call: the Mews `Request-Id` of the answer (for the audit log). */
export interface CallMeta {
  requestId?: string | null;
  /** HTTP requests made, retries included. */
  requests?: number;
}

const RESERVATIONS = 'reservations/getAll/2023-06-06';
/** Below this an interval is not split further on a 408. */
const MIN_SPLIT_MS = 60_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Typed Mews Connector API client: rate-limited, retrying, logging every `Request-Id`. */
export class MewsClient {
  private readonly limiter: RateLimiter;
  private readonly fetch: typeof fetch;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: MewsClientOptions) {
    this.limiter = options.limiter ?? new InMemoryRateLimiter();
    this.fetch = options.fetch ?? fetch;
    this.maxRetries = options.maxRetries ?? 5;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** One page of reservations; a 408 on an interval query is answered by splitting it. */
  async getReservations(filter: ReservationFilter, meta?: CallMeta): Promise<ReservationsResult> {
    try {
      return await this.call<ReservationsResult>(RESERVATIONS, filter, meta);
    } catch (error) {
      if (!(error instanceof MewsError) || error.kind !== 'too-heavy') throw error;
      const halves = splitInterval(filter);
      if (!halves) throw error;
      const merged: Reservation[] = [];
      const seen = new Set<string>();
      for (const half of halves) {
        const limitation = { Count: filter.Limitation.Count };
        for await (const page of this.reservationPages({ ...half, Limitation: limitation }, seen)) {
          merged.push(...page);
        }
      }
      return { Reservations: merged, Cursor: null };
    }
  }

  /** Every page of reservations, following `Cursor` until null or a short page. */
  getAllReservations(filter: ReservationFilter, meta?: CallMeta): AsyncGenerator<Reservation[]> {
    return this.reservationPages(filter, new Set(), meta);
  }

  private async *reservationPages(
    filter: ReservationFilter,
    seen: Set<string>,
    meta?: CallMeta,
  ): AsyncGenerator<Reservation[]> {
    const count = filter.Limitation.Count;
    let cursor = filter.Limitation.Cursor ?? null;
    for (;;) {
      let page: ReservationsResult;
      try {
        page = await this.call<ReservationsResult>(
          RESERVATIONS,
          { ...filter, Limitation: { Count: count, Cursor: cursor } },
          meta,
        );
      } catch (error) {
        const halves =
          error instanceof MewsError && error.kind === 'too-heavy' && splitInterval(filter);
        if (!halves) throw error;
        this.options.logger.warn({ operation: RESERVATIONS }, 'mews 408: splitting the interval');
        // Restarting the halves from the beginning may repeat what was already yielded: `seen`.
        for (const half of halves) {
          yield* this.reservationPages({ ...half, Limitation: { Count: count } }, seen, meta);
        }
        return;
      }
      const fresh = page.Reservations.filter((r) => !seen.has(r.Id));
      fresh.forEach((r) => seen.add(r.Id));
      if (fresh.length > 0) yield fresh;
      cursor = page.Cursor;
      if (!cursor || page.Reservations.length < count) return;
    }
  }

  getCustomers(filter: CustomerFilter, meta?: CallMeta): Promise<CustomersResult> {
    return this.call('customers/getAll', filter, meta);
  }

  addCustomer(input: AddCustomerInput, meta?: CallMeta): Promise<Customer> {
    return this.call('customers/add', input, meta);
  }

  updateCustomer(input: UpdateCustomerInput, meta?: CallMeta): Promise<Customer> {
    return this.call('customers/update', input, meta);
  }

  getCompanies(filter: CompanyFilter, meta?: CallMeta): Promise<CompaniesResult> {
    return this.call('companies/getAll', filter, meta);
  }

  getServices(filter: ServiceFilter, meta?: CallMeta): Promise<ServicesResult> {
    return this.call('services/getAll', filter, meta);
  }

  getResources(filter: ResourceFilter, meta?: CallMeta): Promise<ResourcesResult> {
    return this.call('resources/getAll', filter, meta);
  }

  async updateResources(updates: ResourceUpdate[], meta?: CallMeta): Promise<void> {
    await this.call('resources/update', { ResourceUpdates: updates }, meta);
  }

  /** Posts charges; give every line an `ExternalIdentifier` so a retried post never bills twice. */
  addOrder(input: AddOrderInput, meta?: CallMeta): Promise<AddOrderResult> {
    return this.call('orders/add', input, meta);
  }

  private backoff(attempt: number): number {
    const step = Math.min(30_000, this.backoffBaseMs * 2 ** attempt);
    return step / 2 + Math.random() * (step / 2);
  }

  private async call<T>(operation: string, payload: object, meta?: CallMeta): Promise<T> {
    const { baseUrl, clientToken, accessToken, client, logger } = this.options;
    const url = `${baseUrl.replace(/\/$/, '')}/api/connector/v1/${operation}`;
    const body = JSON.stringify({
      ...payload,
      ClientToken: clientToken,
      AccessToken: accessToken,
      Client: client,
    });
    for (let attempt = 0; ; attempt++) {
      const retriesLeft = attempt < this.maxRetries;
      await this.limiter.acquire(accessToken);
      if (meta) meta.requests = (meta.requests ?? 0) + 1;
      const started = Date.now();
      let response: Response;
      try {
        response = await this.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn({ operation, attempt, err: message }, 'mews call got no answer');
        if (!retriesLeft) throw new MewsError('network', message, null, null, operation);
        await sleep(this.backoff(attempt));
        continue;
      }
      const requestId = response.headers.get('Request-Id');
      if (meta) meta.requestId = requestId;
      const text = await response.text();
      const status = response.status;
      logger.info({ operation, status, requestId, attempt, ms: Date.now() - started }, 'mews call');
      if (response.ok) return (text ? JSON.parse(text) : {}) as T;

      let error: MewsErrorBody = {};
      try {
        error = JSON.parse(text) as MewsErrorBody;
      } catch {
        // not JSON: keep the status text
      }
      const message = error.Message ?? (response.statusText || `HTTP ${status}`);
      const fail = (kind: MewsErrorKind): MewsError =>
        new MewsError(kind, message, status, requestId ?? error.RequestId ?? null, operation);
      if (status === 429) {
        if (!retriesLeft) throw fail('rate-limit');
        await sleep(retryAfterMs(response.headers.get('Retry-After')) ?? this.backoff(attempt));
        continue;
      }
      if (status >= 500) {
        if (!retriesLeft) throw fail('server');
        await sleep(this.backoff(attempt));
        continue;
      }
      if (status === 401) throw fail('auth');
      if (status === 403) throw fail('business');
      if (status === 408) throw fail('too-heavy');
      if (status === 409) throw fail('conflict');
      throw fail('client');
    }
  }
}

/** `Retry-After` as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** The two halves of the filter's first time interval, or null when it has none or is too short. */
export function splitInterval(
  filter: ReservationFilter,
): [ReservationFilter, ReservationFilter] | null {
  for (const name of RESERVATION_INTERVALS) {
    const interval = filter[name];
    if (!interval) continue;
    const start = Date.parse(interval.StartUtc);
    const end = Date.parse(interval.EndUtc);
    if (end - start < MIN_SPLIT_MS) return null;
    const middle = start + Math.floor((end - start) / 2);
    // Intervals are inclusive: the second half starts one millisecond after the first ends.
    return [
      {
        ...filter,
        [name]: { StartUtc: interval.StartUtc, EndUtc: new Date(middle).toISOString() },
      },
      {
        ...filter,
        [name]: { StartUtc: new Date(middle + 1).toISOString(), EndUtc: interval.EndUtc },
      },
    ];
  }
  return null;
}
