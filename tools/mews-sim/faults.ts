import { NO_FAULTS, type Faults } from './types';

/** Injected failures; `failNext` is consumed request by request. */
export class FaultInjector {
  private faults: Faults = { ...NO_FAULTS };

  constructor(private readonly onDropSockets: () => void) {}

  set(patch: Partial<Faults>): void {
    const { dropSockets, ...rest } = patch;
    this.faults = { ...this.faults, ...rest };
    if (dropSockets) this.onDropSockets();
  }

  reset(): void {
    this.faults = { ...NO_FAULTS };
  }

  get duplicateWebhooks(): boolean {
    return this.faults.duplicateWebhooks;
  }

  /** Whether this webhook delivery is lost (`webhookLossRate`). */
  loseWebhook(random: () => number = Math.random): boolean {
    return this.faults.webhookLossRate > 0 && random() < this.faults.webhookLossRate;
  }

  get latencyMs(): number {
    return this.faults.latencyMs;
  }

  /** The status to fail this request with, if any. */
  nextFailure(random: () => number = Math.random): number | null {
    const next = this.faults.failNext;
    if (next && next.count > 0) {
      this.faults.failNext = next.count > 1 ? { ...next, count: next.count - 1 } : null;
      return next.status;
    }
    if (this.faults.errorRate > 0 && random() < this.faults.errorRate) {
      return random() < 0.5 ? 500 : 503;
    }
    return null;
  }
}

export const FAULT_MESSAGES: Record<number, string> = {
  401: 'Invalid ClientToken or AccessToken.',
  408: 'The request is too heavy; narrow the time interval.',
  429: 'Too many requests.',
  500: 'Internal server error.',
  503: 'Service unavailable.',
};
