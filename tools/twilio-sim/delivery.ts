import type { FaultInjector } from './faults';
import type { TwilioSimState } from './state';
import type { SimDelays, SimMessage, SimMessageStatus } from './types';
import { postWebhook } from './webhooks';

export const API_VERSION = '2010-04-01';

/** The statuses an outbound message goes through to reach its outcome. */
function steps(message: SimMessage): SimMessageStatus[] {
  const outcome = message.outcome?.status ?? 'delivered';
  // `failed` means Twilio never sent it; `undelivered` means the carrier could not deliver it.
  return outcome === 'failed' ? ['queued', 'failed'] : ['queued', 'sending', 'sent', outcome];
}

/** Twilio's status callback parameters for a message in its current status. */
export function statusCallbackParams(message: SimMessage): Record<string, string> {
  return {
    MessageSid: message.sid,
    SmsSid: message.sid,
    MessageStatus: message.status,
    SmsStatus: message.status,
    AccountSid: message.accountSid,
    From: message.from,
    To: message.to,
    ApiVersion: API_VERSION,
    ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
    ...(message.errorCode !== null ? { ErrorCode: String(message.errorCode) } : {}),
  };
}

/**
 * Moves accepted outbound messages through queued → sending → sent → delivered (or to their
 * injected outcome) with the configured delays, POSTing a signed status callback at each step.
 * Callbacks of one message are sent one after the other, in order unless the faults say
 * `reversed` (then held until the final status and sent newest first); `duplicateCallbacks`
 * sends each twice.
 */
export class DeliveryScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly held = new Map<string, Record<string, string>[]>();
  private stopped = false;

  constructor(
    private readonly state: TwilioSimState,
    private readonly authToken: string,
    private readonly faults: FaultInjector,
    private readonly delays: SimDelays,
  ) {}

  /** Starts the delivery of a message just accepted (with a callback for `queued` too). */
  start(message: SimMessage): void {
    this.schedule(message.sid, steps(message), 0);
  }

  /** Goes on, after a restart, from the status the message had reached. */
  resume(message: SimMessage): void {
    const plan = steps(message);
    this.schedule(message.sid, plan, plan.indexOf(message.status) + 1);
  }

  private delayFor(index: number, plan: SimMessageStatus[]): number {
    if (index === plan.length - 1) return this.delays.finalMs;
    return [this.delays.queuedMs, this.delays.sendingMs, this.delays.sentMs][index] ?? 0;
  }

  private schedule(sid: string, plan: SimMessageStatus[], index: number): void {
    if (this.stopped || index >= plan.length) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.advance(sid, plan, index);
      },
      this.delayFor(index, plan),
    );
    this.timers.add(timer);
  }

  private advance(sid: string, plan: SimMessageStatus[], index: number): void {
    const current = this.state.message(sid);
    if (!current) return;
    const status = plan[index]!;
    const final = index === plan.length - 1;
    const message = this.state.updateMessage(sid, {
      status,
      ...(status === 'sent' ? { sentMs: this.state.now() } : {}),
      ...(final && current.outcome ? { errorCode: current.outcome.errorCode } : {}),
    });
    this.callback(message, final);
    this.schedule(sid, plan, index + 1);
  }

  private callback(message: SimMessage, final: boolean): void {
    const url = message.statusCallback;
    if (!url) return;
    const params = statusCallbackParams(message);
    let batch = [params];
    if (this.faults.callbackOrder === 'reversed') {
      const held = [...(this.held.get(message.sid) ?? []), params];
      if (!final) {
        this.held.set(message.sid, held);
        return;
      }
      this.held.delete(message.sid);
      batch = held.reverse();
    }
    if (this.faults.duplicateCallbacks) batch = batch.flatMap((p) => [p, p]);
    const previous = this.chains.get(message.sid) ?? Promise.resolve();
    const chain = previous.then(async () => {
      for (const p of batch) await postWebhook(this.state, this.authToken, 'status', url, p);
    });
    this.chains.set(message.sid, chain);
    void chain.then(() => {
      if (this.chains.get(message.sid) === chain) this.chains.delete(message.sid);
    });
  }

  /** Stops the timers and waits for the callbacks already on their way. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.chains.values()]);
  }
}
