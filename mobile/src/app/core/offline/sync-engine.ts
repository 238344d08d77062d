import type { OfflineDb } from './offline-db';
import { applyResult, remapItemId, type Op, type OpPayload, type OpResult } from './ops';
import {
  backoffDelay,
  classifyFailure,
  rejectionText,
  type FailureAction,
  type SendFailure,
} from './sync-policy';

/** Thrown by a transport with the failure in neutral terms. */
export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message);
  }
}

export interface SyncTransport {
  /** Sends one op (with its file for attachments); resolves with the server's answer. */
  send(op: Op, file: Blob | null): Promise<OpResult>;
}

export interface EngineState {
  syncing: boolean;
  /** The last attempt found no connection. */
  unreachable: boolean;
  lastError: string | null;
  lastSyncedAt: string | null;
  /** When the next automatic retry runs (epoch ms), while backing off. */
  nextRetryAt: number | null;
}

export interface EngineHooks {
  onState(state: EngineState): void;
  /** An op reached the server (a refresh started before it is stale). */
  onSynced?(): void;
  /** A status change reached the server; `expectedVersion` is the version the technician saw. */
  onStatusSynced?(jobId: string, expectedVersion: number, version: number): void;
  /** The queue ran empty after sending (or setting aside) something: a good moment to refresh. */
  onDrained?(): void;
}

export interface EngineOptions {
  random?: () => number;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Runs a drain exclusively (e.g. a Web Lock), so two tabs never send the same queue. */
  exclusive?: (drain: () => Promise<void>) => Promise<void>;
}

const newKey = (): string => crypto.randomUUID();

/**
 * The outbox replayer. Every change is written to the `outbox` table first (so it survives
 * reloads and restarts), then sent strictly in outbox order, one at a time:
 *
 * - success: the op leaves the outbox and its answer is folded into the stored job snapshot in
 *   the same transaction, so the change never blinks off the screen;
 * - no connection / server trouble (5xx): the same op is tried again after a backoff of 1 s
 *   doubling to 60 s with jitter; the queue waits (order matters: "arrived" before "completed");
 * - a permanent refusal (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT): the op is set aside in
 *   `rejected` with its reason for the technician to see, and the queue goes on;
 * - a job handed to someone else (status CONFLICT/REASSIGNED or NOT_FOUND): the job is dropped
 *   from the device with its pending status changes; notes, photos, time and parts are still
 *   sent (the server keeps evidence from the previous technician).
 *
 * An op that was in flight when the app died is simply sent again: the server dedupes by key.
 */
export class SyncEngine {
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly exclusive: (drain: () => Promise<void>) => Promise<void>;
  private online = true;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: unknown = null;
  private stopped = false;
  private state: EngineState = {
    syncing: false,
    unreachable: false,
    lastError: null,
    lastSyncedAt: null,
    nextRetryAt: null,
  };

  constructor(
    private readonly db: OfflineDb,
    private readonly transport: SyncTransport,
    private readonly hooks: EngineHooks,
    options: EngineOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.exclusive = options.exclusive ?? ((drain) => drain());
  }

  get current(): EngineState {
    return this.state;
  }

  async start(): Promise<void> {
    const lastSyncedAt = await this.db.getMeta<string>('lastSyncedAt');
    this.update({ lastSyncedAt });
    void this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** Queues a change (and its file) in one transaction, then tries to send it. */
  async enqueue(
    job: { id: string; number: number },
    payload: OpPayload,
    file?: { blob: Blob; contentType: string },
  ): Promise<Op> {
    const op: Op = {
      key: newKey(),
      jobId: job.id,
      jobNumber: job.number,
      createdAt: this.now().toISOString(),
      attempts: 0,
      payload,
    };
    await this.db.transaction('rw', this.db.outbox, this.db.files, async () => {
      await this.db.outbox.add(op);
      if (file) {
        await this.db.files.put({
          key: op.key,
          jobId: job.id,
          blob: file.blob,
          contentType: file.contentType,
          createdAt: op.createdAt,
          uploaded: false,
        });
      }
    });
    void this.kick();
    return op;
  }

  setOnline(online: boolean): void {
    const was = this.online;
    this.online = online;
    if (online && !was) this.retryNow();
    if (!online) this.update({ unreachable: true });
  }

  /** The Retry button and reconnects: forget the backoff and send now. */
  retryNow(): void {
    this.failures = 0;
    this.cancelTimer();
    void this.kick();
  }

  /** Starts a drain unless one is running (which then looks at the queue once more). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.again = true;
    if (this.running) return this.running;
    let finished = false;
    const run = (async () => {
      try {
        while (this.again && !this.stopped && this.timer === null) {
          this.again = false;
          await this.exclusive(() => this.drain());
        }
      } finally {
        // Cleared in the same tick the loop ends, so no kick can slip in between.
        finished = true;
        this.running = null;
      }
    })();
    if (!finished) this.running = run;
    return run;
  }

  private async drain(): Promise<void> {
    if (!this.online) return;
    let sent = false;
    this.update({ syncing: true });
    try {
      for (;;) {
        if (this.stopped || !this.online) return;
        const op = await this.db.outbox.orderBy('seq').first();
        if (!op) break;
        const file =
          op.payload.kind === 'attachment'
            ? ((await this.db.files.get(op.key))?.blob ?? null)
            : null;
        let result: OpResult;
        try {
          if (op.payload.kind === 'attachment' && !file) {
            throw new SendError({
              kind: 'graphql',
              code: 'BAD_USER_INPUT',
              reason: 'FILE_MISSING',
              message: 'The file is no longer on this device',
            });
          }
          result = await this.transport.send(op, file);
        } catch (err) {
          const failure = toFailure(err);
          const action = classifyFailure(failure, op);
          if (await this.handleFailure(op, failure, action)) {
            // Refused or handed back: the job on the device may be out of date now.
            sent = true;
            continue;
          }
          return;
        }
        await this.complete(op, result);
        sent = true;
        this.failures = 0;
        this.update({ unreachable: false, lastError: null, nextRetryAt: null });
      }
      if (sent) this.hooks.onDrained?.();
    } finally {
      this.update({ syncing: false });
    }
  }

  /** Returns true when the queue may go on with the next op. */
  private async handleFailure(
    op: Op,
    failure: SendFailure,
    action: FailureAction,
  ): Promise<boolean> {
    switch (action) {
      case 'offline':
      case 'retry': {
        await this.db.outbox.update(op.seq!, { attempts: op.attempts + 1 });
        this.failures += 1;
        const wait = backoffDelay(this.failures, this.random);
        this.schedule(wait);
        this.update({
          unreachable: action === 'offline',
          lastError: action === 'retry' ? failure.message : null,
          nextRetryAt: this.now().getTime() + wait,
        });
        return false;
      }
      case 'reject':
        await this.reject(op, failure);
        return true;
      case 'handback':
        await this.handback(op);
        return true;
    }
  }

  private async complete(op: Op, result: OpResult): Promise<void> {
    let synced: { expected: number; version: number } | null = null;
    await this.db.transaction(
      'rw',
      [this.db.outbox, this.db.jobs, this.db.files, this.db.meta],
      async () => {
        await this.db.outbox.delete(op.seq!);
        const stored = await this.db.jobs.get(op.jobId);
        if (stored) {
          const snapshot = applyResult(stored.snapshot, result);
          await this.db.jobs.put({
            ...stored,
            snapshot,
            scheduledStart: snapshot.scheduledStart ?? '',
          });
        }
        if (result.kind === 'checklistItem' && op.payload.kind === 'checklistAdd') {
          // Ticks queued for the new item still name its temporary id.
          const later = await this.db.outbox.where('jobId').equals(op.jobId).toArray();
          for (const next of later) {
            const remapped = remapItemId(next, op.key, result.item.id);
            if (remapped) await this.db.outbox.put(remapped);
          }
        }
        if (op.payload.kind === 'attachment')
          await this.db.files.update(op.key, { uploaded: true });
        if (op.payload.kind === 'status' && result.kind === 'job') {
          synced = { expected: op.payload.expectedVersion, version: result.job.version };
        }
        await this.db.setMeta('lastSyncedAt', this.now().toISOString());
      },
    );
    this.update({ lastSyncedAt: this.now().toISOString() });
    this.hooks.onSynced?.();
    const s = synced as { expected: number; version: number } | null;
    if (s) this.hooks.onStatusSynced?.(op.jobId, s.expected, s.version);
  }

  private async reject(op: Op, failure: SendFailure): Promise<void> {
    const code =
      failure.kind === 'graphql' ? failure.code : `HTTP_${String(failureStatus(failure))}`;
    const reason = failure.kind === 'graphql' ? failure.reason : null;
    await this.db.transaction('rw', this.db.outbox, this.db.rejected, async () => {
      await this.db.outbox.delete(op.seq!);
      await this.db.rejected.put({
        key: op.key,
        jobId: op.jobId,
        jobNumber: op.jobNumber,
        createdAt: op.createdAt,
        attempts: op.attempts,
        payload: op.payload,
        code,
        reason,
        message: rejectionText(code, reason, failure.message),
        rejectedAt: this.now().toISOString(),
      });
    });
  }

  private async handback(op: Op): Promise<void> {
    await this.db.transaction('rw', [this.db.outbox, this.db.jobs, this.db.notices], async () => {
      const statusOps = await this.db.outbox
        .where('jobId')
        .equals(op.jobId)
        .filter((o) => o.payload.kind === 'status')
        .toArray();
      await this.db.outbox.bulkDelete(statusOps.map((o) => o.seq!));
      await this.db.outbox.delete(op.seq!);
      await this.db.jobs.delete(op.jobId);
      if (await this.db.notices.get(`handback:${op.jobId}`)) return;
      await this.db.notices.put({
        id: `handback:${op.jobId}`,
        kind: 'handback',
        jobId: op.jobId,
        text: `WO-${op.jobNumber} was handed to someone else by dispatch; your notes, photos and time were kept on the job.`,
        createdAt: this.now().toISOString(),
      });
    });
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.kick();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (this.state.nextRetryAt !== null) this.update({ nextRetryAt: null });
  }

  private update(patch: Partial<EngineState>): void {
    this.state = { ...this.state, ...patch };
    this.hooks.onState(this.state);
  }
}

const failureStatus = (f: SendFailure) => (f.kind === 'http' ? f.status : 0);

function toFailure(err: unknown): SendFailure {
  if (err instanceof SendError) return err.failure;
  return { kind: 'network', message: err instanceof Error ? err.message : String(err) };
}

export type { FailureAction };
