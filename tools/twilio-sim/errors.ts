/*
 * Twilio's REST error body: `{code, message, more_info, status}`, with the codes and wording the
 * Messaging API uses (https://www.twilio.com/docs/api/errors).
 */

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toBody(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

/** Default HTTP status and message of the codes the simulator raises or can be told to raise. */
const KNOWN: Record<number, { status: number; message: string }> = {
  20003: { status: 401, message: 'Authenticate' },
  20404: { status: 404, message: 'The requested resource was not found' },
  20429: { status: 429, message: 'Too Many Requests' },
  20500: { status: 500, message: 'Internal Server Error' },
  20503: { status: 503, message: 'Service Unavailable' },
  21211: { status: 400, message: "The 'To' number is not a valid phone number." },
  21266: { status: 400, message: "'To' and 'From' number cannot be the same" },
  21602: { status: 400, message: 'Message body is required.' },
  21603: { status: 400, message: "A 'From' phone number is required." },
  21604: { status: 400, message: "A 'To' phone number is required." },
  21606: {
    status: 400,
    message:
      "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account.",
  },
  21609: { status: 400, message: "Invalid 'StatusCallback' url." },
  21610: { status: 400, message: 'Attempt to send to unsubscribed recipient' },
  21614: { status: 400, message: "'To' number is not a valid mobile number" },
  21617: {
    status: 400,
    message: 'The concatenated message body exceeds the 1600 character limit.',
  },
  21655: { status: 400, message: 'The ContentSid is Invalid.' },
  21656: { status: 400, message: 'The ContentVariables Parameter is invalid.' },
  21705: { status: 400, message: 'The Messaging Service Sid is invalid.' },
  21910: {
    status: 400,
    message: 'Invalid From and To pair. From and To should be of the same channel',
  },
};

const HTTP_CODES: Record<number, number> = { 401: 20003, 404: 20404, 429: 20429, 500: 20500 };

/** A Twilio error by code; `message` overrides the standard wording. */
export function twilioError(code: number, message?: string, status?: number): TwilioApiError {
  const known = KNOWN[code];
  return new TwilioApiError(
    status ?? known?.status ?? 400,
    code,
    message ?? known?.message ?? `Error ${code}`,
  );
}

/** The error Twilio answers with a bare HTTP status (429, 500, 503, ...). */
export function httpError(status: number): TwilioApiError {
  const code = HTTP_CODES[status] ?? 20000 + status;
  return twilioError(code, KNOWN[code]?.message ?? `HTTP ${status}`, status);
}

/** Delivery error codes (status callbacks and `error_code`), with Twilio's descriptions. */
export const DELIVERY_ERRORS: Record<number, string> = {
  30001: 'Queue overflow',
  30002: 'Account suspended',
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
  63028: 'Number of parameters provided does not match the expected number of parameters',
  63016:
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
};
