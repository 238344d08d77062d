import { httpError, twilioError, type TwilioApiError } from './errors';
import { NO_FAULTS, type CallbackOrder, type Faults, type SimOutcome } from './types';

const ORDERS: CallbackOrder[] = ['in-order', 'reversed'];

/** Why a `/_sim/faults` body is not usable, or null. */
export function faultsProblem(body: Record<string, unknown>): string | null {
  const known = new Set(Object.keys(NO_FAULTS));
  const unknown = Object.keys(body).filter((k) => !known.has(k));
  if (unknown.length) return `Unknown fault fields: ${unknown.join(', ')}`;
  const counted = (name: 'failNext' | 'httpErrorNext' | 'deliveryFailure', field: string) => {
    const value = body[name] as Record<string, unknown> | null | undefined;
    if (value === undefined || value === null) return null;
    if (!Number.isInteger(value['count']) || (value['count'] as number) < 1)
      return `${name}.count must be a positive integer`;
    if (!Number.isInteger(value[field])) return `${name}.${field} must be an integer`;
    return null;
  };
  const problem =
    counted('failNext', 'code') ??
    counted('httpErrorNext', 'status') ??
    counted('deliveryFailure', 'errorCode');
  if (problem) return problem;
  const status = (body['deliveryFailure'] as Record<string, unknown> | null | undefined)?.[
    'status'
  ];
  if (status !== undefined && status !== 'undelivered' && status !== 'failed')
    return 'deliveryFailure.status must be undelivered or failed';
  if (body['callbackOrder'] !== undefined && !ORDERS.includes(body['callbackOrder'] as never))
    return `callbackOrder must be one of ${ORDERS.join(', ')}`;
  if (body['duplicateCallbacks'] !== undefined && typeof body['duplicateCallbacks'] !== 'boolean')
    return 'duplicateCallbacks must be a boolean';
  if (
    body['latencyMs'] !== undefined &&
    (typeof body['latencyMs'] !== 'number' || body['latencyMs'] < 0)
  )
    return 'latencyMs must be a non-negative number';
  return null;
}

/** Injected failures; the counted ones are consumed one request (or send) at a time. */
export class FaultInjector {
  private faults: Faults = { ...NO_FAULTS };

  set(patch: Partial<Faults>): void {
    this.faults = { ...this.faults, ...patch };
  }

  reset(): void {
    this.faults = { ...NO_FAULTS };
  }

  get current(): Faults {
    return { ...this.faults };
  }

  get latencyMs(): number {
    return this.faults.latencyMs;
  }

  get duplicateCallbacks(): boolean {
    return this.faults.duplicateCallbacks;
  }

  get callbackOrder(): CallbackOrder {
    return this.faults.callbackOrder;
  }

  /** An HTTP failure for this REST request, if one is due. */
  nextHttpError(): TwilioApiError | null {
    const next = this.faults.httpErrorNext;
    if (!next) return null;
    this.faults.httpErrorNext = next.count > 1 ? { ...next, count: next.count - 1 } : null;
    return httpError(next.status);
  }

  /** A Twilio error refusing this send, if one is due. */
  nextSendError(): TwilioApiError | null {
    const next = this.faults.failNext;
    if (!next) return null;
    this.faults.failNext = next.count > 1 ? { ...next, count: next.count - 1 } : null;
    return twilioError(next.code, undefined, next.status);
  }

  /** How this accepted send ends when a delivery failure is due, else null. */
  nextDeliveryFailure(): SimOutcome | null {
    const next = this.faults.deliveryFailure;
    if (!next) return null;
    this.faults.deliveryFailure = next.count > 1 ? { ...next, count: next.count - 1 } : null;
    return { status: next.status ?? 'undelivered', errorCode: next.errorCode };
  }
}
