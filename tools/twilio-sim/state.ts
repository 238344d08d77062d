import type { SimContent } from './content';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { SimMessage, SimNumber, SimOptOut, SimWebhookRecord } from './types';

/** Everything the simulator keeps between runs (the webhook log is not kept). */
export interface TwilioSimSnapshot {
  messages: SimMessage[];
  numbers: SimNumber[];
  optOuts: SimOptOut[];
  /** Last inbound WhatsApp message per `business|user` pair (epoch ms): the 24-hour session. */
  sessions: Record<string, number>;
  clockOffsetMs: number;
  /** Content API templates (absent in files saved before they existed). */
  contents?: SimContent[];
}

/** `SM` + 32 hex, like Twilio's message SIDs (`MG` for messaging services, ...). */
export const newSid = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;

export const WHATSAPP = 'whatsapp:';
export const isWhatsApp = (address: string): boolean => address.startsWith(WHATSAPP);

/**
 * The simulator's data. Handlers change it through these methods so that persistence (which
 * listens to `change`) sees every change.
 */
export class TwilioSimState extends EventEmitter<{ change: [] }> {
  messages: SimMessage[] = [];
  numbers: SimNumber[] = [];
  optOuts: SimOptOut[] = [];
  sessions: Record<string, number> = {};
  webhooks: SimWebhookRecord[] = [];
  contents: SimContent[] = [];
  private clockOffsetMs = 0;

  constructor(private readonly initialNumbers: SimNumber[] = []) {
    super();
    this.numbers = structuredClone(initialNumbers);
  }

  /** The simulator clock: real time, moved forward by `/_sim/clock`. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
    this.emit('change');
  }

  /** Back to the initial numbers; messages, opt-outs, sessions, the log and the clock cleared. */
  reset(): void {
    this.load({
      messages: [],
      numbers: structuredClone(this.initialNumbers),
      optOuts: [],
      sessions: {},
      clockOffsetMs: 0,
      contents: [],
    });
    this.webhooks = [];
    this.emit('change');
  }

  load(data: TwilioSimSnapshot): void {
    this.messages = data.messages;
    this.numbers = data.numbers;
    this.optOuts = data.optOuts;
    this.sessions = data.sessions;
    this.clockOffsetMs = data.clockOffsetMs;
    this.contents = data.contents ?? [];
  }

  /** The stored data (shared, not copied: serialize it right away). */
  snapshot(): TwilioSimSnapshot {
    return {
      messages: this.messages,
      numbers: this.numbers,
      optOuts: this.optOuts,
      sessions: this.sessions,
      clockOffsetMs: this.clockOffsetMs,
      contents: this.contents,
    };
  }

  content(sid: string): SimContent | undefined {
    return this.contents.find((c) => c.sid === sid);
  }

  addContent(content: SimContent): SimContent {
    this.contents = [...this.contents.filter((c) => c.sid !== content.sid), content];
    this.emit('change');
    return content;
  }

  message(sid: string): SimMessage | undefined {
    return this.messages.find((m) => m.sid === sid);
  }

  addMessage(message: SimMessage): SimMessage {
    this.messages.push(message);
    this.emit('change');
    return message;
  }

  updateMessage(sid: string, patch: Partial<SimMessage>): SimMessage {
    const message = this.message(sid);
    if (!message) throw new Error(`Message ${sid} not found`);
    Object.assign(message, patch, { updatedMs: this.now() });
    this.emit('change');
    return message;
  }

  number(phoneNumber: string): SimNumber | undefined {
    return this.numbers.find((n) => n.phoneNumber === phoneNumber);
  }

  /** Adds a number or replaces its settings. */
  upsertNumber(number: SimNumber): SimNumber {
    const existing = this.number(number.phoneNumber);
    if (existing) Object.assign(existing, number);
    else this.numbers.push(number);
    this.emit('change');
    return existing ?? number;
  }

  /** The numbers of a messaging service (its sender pool), in registration order. */
  servicePool(messagingServiceSid: string): SimNumber[] {
    return this.numbers.filter((n) => n.messagingServiceSid === messagingServiceSid);
  }

  /** Opt-outs apply to the sender's messaging service when it has one, else to the number. */
  optOutScope(sender: string): string {
    return this.number(sender)?.messagingServiceSid ?? sender;
  }

  isOptedOut(sender: string, recipient: string): boolean {
    const scope = this.optOutScope(sender);
    return this.optOuts.some((o) => o.scope === scope && o.phoneNumber === recipient);
  }

  setOptOut(sender: string, recipient: string, optedOut: boolean): void {
    const scope = this.optOutScope(sender);
    this.optOuts = this.optOuts.filter((o) => !(o.scope === scope && o.phoneNumber === recipient));
    if (optedOut) this.optOuts.push({ scope, phoneNumber: recipient, atMs: this.now() });
    this.emit('change');
  }

  recordSession(business: string, user: string): void {
    this.sessions[`${business}|${user}`] = this.now();
    this.emit('change');
  }

  /** Epoch ms of the user's last inbound WhatsApp message to this business sender, if any. */
  lastInbound(business: string, user: string): number | undefined {
    return this.sessions[`${business}|${user}`];
  }

  recordWebhook(record: SimWebhookRecord): void {
    this.webhooks.push(record);
  }
}
