/** Twilio's message statuses (outbound ones move forward; inbound ones are `received`). */
export type SimMessageStatus =
  'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';

export type SimDirection = 'outbound-api' | 'outbound-reply' | 'inbound';

/** How a send ends, decided when it is accepted (fault injection and the WhatsApp session rule). */
export interface SimOutcome {
  status: 'delivered' | 'undelivered' | 'failed';
  errorCode: number | null;
}

/** A message as the simulator keeps it: the API fields plus what drives its delivery. */
export interface SimMessage {
  sid: string;
  accountSid: string;
  direction: SimDirection;
  from: string;
  to: string;
  body: string;
  mediaUrls: string[];
  messagingServiceSid: string | null;
  contentSid: string | null;
  status: SimMessageStatus;
  errorCode: number | null;
  numSegments: number;
  /** Epoch ms of the simulator clock. */
  createdMs: number;
  updatedMs: number;
  sentMs: number | null;
  statusCallback: string | null;
  /** Outbound only: where its delivery ends. */
  outcome: SimOutcome | null;
}

/** A sender registered with `/_sim/numbers` (`+1555…` for SMS, `whatsapp:+1555…` for WhatsApp). */
export interface SimNumber {
  phoneNumber: string;
  /** Where inbound messages to this number are POSTed (Twilio's `SmsUrl`). */
  smsUrl: string | null;
  messagingServiceSid: string | null;
}

/**
 * An Advanced Opt-Out entry: the recipient texted STOP to a sender. The scope is the messaging
 * service of that sender when it has one (Twilio applies opt-outs service-wide), else the number.
 */
export interface SimOptOut {
  scope: string;
  phoneNumber: string;
  atMs: number;
}

/** One status callback or inbound webhook the simulator POSTed. */
export interface SimWebhookRecord {
  kind: 'status' | 'inbound';
  url: string;
  params: Record<string, string>;
  signature: string;
  /** HTTP status of the answer, or null when the request failed. */
  responseStatus: number | null;
  atMs: number;
}

export type CallbackOrder = 'in-order' | 'reversed';

export interface Faults {
  /** The next `count` sends are refused with this Twilio error (`status` defaults per code). */
  failNext: { count: number; code: number; status?: number } | null;
  /** The next `count` REST requests of any kind answer this HTTP status (429, 500, 503). */
  httpErrorNext: { count: number; status: number } | null;
  /** The next `count` accepted sends end `undelivered`/`failed` with this error code. */
  deliveryFailure: {
    count: number;
    errorCode: number;
    status?: 'undelivered' | 'failed';
  } | null;
  /** Every status callback is POSTed twice. */
  duplicateCallbacks: boolean;
  /** `reversed`: a message's callbacks are held until its final status, then sent newest first. */
  callbackOrder: CallbackOrder;
  /** Added to every REST answer. */
  latencyMs: number;
}

export const NO_FAULTS: Faults = {
  failNext: null,
  httpErrorNext: null,
  deliveryFailure: null,
  duplicateCallbacks: false,
  callbackOrder: 'in-order',
  latencyMs: 0,
};

/** Delays between the status steps of an outbound message (ms). */
export interface SimDelays {
  queuedMs: number;
  sendingMs: number;
  sentMs: number;
  finalMs: number;
}
