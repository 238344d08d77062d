/** A failure the sink injects: reject the next `remaining` recipients with this SMTP reply. */
export interface RejectFault {
  remaining: number;
  code: number;
  message: string;
}

export interface FaultInput {
  rejectNext?: number;
  code?: number;
  message?: string;
}

/** Recipient rejections on demand (5xx permanent, 4xx temporary), consumed one RCPT TO each. */
export class SinkFaults {
  private reject: RejectFault | null = null;

  set(input: FaultInput): RejectFault | null {
    const n = input.rejectNext ?? 0;
    if (!Number.isInteger(n) || n < 0) throw new Error('rejectNext must be a whole number ≥ 0');
    const code = input.code ?? 550;
    if (!Number.isInteger(code) || code < 400 || code > 599)
      throw new Error('code must be an SMTP error reply code (400–599)');
    this.reject =
      n === 0
        ? null
        : { remaining: n, code, message: input.message ?? 'Mailbox unavailable (mail sink)' };
    return this.current();
  }

  current(): RejectFault | null {
    return this.reject ? { ...this.reject } : null;
  }

  /** The rejection for the next recipient, or null to accept it. */
  take(): { code: number; message: string } | null {
    if (!this.reject) return null;
    const { code, message } = this.reject;
    this.reject.remaining -= 1;
    if (this.reject.remaining <= 0) this.reject = null;
    return { code, message };
  }
}
