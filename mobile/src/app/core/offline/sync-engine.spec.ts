import 'fake-indexeddb/auto';
import { aJob } from './offline.fixtures';
import { OfflineDb } from './offline-db';
import type { Op, OpResult } from './ops';
import { SendError, SyncEngine, type EngineState, type SyncTransport } from './sync-engine';
import { backoffDelay, classifyFailure, describeChanges, type SendFailure } from './sync-policy';

/** A transport whose answers the test scripts, recording what was sent. */
class FakeTransport implements SyncTransport {
  readonly sent: Op[] = [];
  failures: SendFailure[] = [];

  async send(op: Op): Promise<OpResult> {
    this.sent.push(op);
    const failure = this.failures.shift();
    if (failure) throw new SendError(failure);
    switch (op.payload.kind) {
      case 'note':
        return {
          kind: 'note',
          note: {
            id: `srv-${op.key}`,
            authorName: 'Tess',
            body: op.payload.body,
            createdAt: op.createdAt,
          },
        };
      case 'checklistAdd':
        return {
          kind: 'checklistItem',
          item: {
            id: `srv-${op.key}`,
            label: op.payload.label,
            position: 9,
            done: false,
            doneAt: null,
          },
        };
      case 'checklistDone':
        return {
          kind: 'checklistItem',
          item: {
            id: op.payload.itemId,
            label: 'x',
            position: 0,
            done: op.payload.done,
            doneAt: null,
          },
        };
      case 'status':
        return { kind: 'job', job: aJob({ status: op.payload.status, version: 10 }) };
      case 'attachment':
      case 'logTime':
      case 'part':
      case 'startTimer':
      case 'stopTimer':
        throw new Error(`unexpected ${op.payload.kind}`);
    }
  }
}

interface Harness {
  db: OfflineDb;
  transport: FakeTransport;
  engine: SyncEngine;
  states: EngineState[];
  timers: { fn: () => void; ms: number }[];
  synced: [string, number, number][];
}

let dbCount = 0;

async function harness(): Promise<Harness> {
  dbCount += 1;
  const db = new OfflineDb(`user-${dbCount}`);
  await db.jobs.put({
    id: 'job-1',
    number: 12,
    scheduledStart: '',
    snapshot: aJob(),
    fetchedAt: new Date().toISOString(),
  });
  const transport = new FakeTransport();
  const states: EngineState[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const synced: [string, number, number][] = [];
  const engine = new SyncEngine(
    db,
    transport,
    {
      onState: (s) => states.push(s),
      onStatusSynced: (id, expected, version) => synced.push([id, expected, version]),
    },
    {
      random: () => 0.5,
      setTimer: (fn, ms) => {
        const t = { fn, ms };
        timers.push(t);
        return t;
      },
      clearTimer: (h) => timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
    },
  );
  return { db, transport, engine, states, timers, synced };
}

const job = { id: 'job-1', number: 12 };
const network: SendFailure = { kind: 'network', message: 'Failed to fetch' };
const gqlError = (code: string, reason: string | null = null): SendFailure => ({
  kind: 'graphql',
  code,
  reason,
  message: `${code} happened`,
});

describe('SyncEngine', () => {
  it('should send queued ops strictly in order and fold answers into the snapshot', async () => {
    const h = await harness();
    h.engine.setOnline(false);
    await h.engine.enqueue(job, { kind: 'note', body: 'first' });
    await h.engine.enqueue(job, { kind: 'status', status: 'EN_ROUTE', expectedVersion: 3 });
    await h.engine.enqueue(job, { kind: 'note', body: 'second' });
    expect(h.transport.sent).toHaveLength(0);
    h.engine.setOnline(true);
    await h.engine.kick();
    expect(h.transport.sent.map((o) => o.payload.kind)).toEqual(['note', 'status', 'note']);
    expect(await h.db.outbox.count()).toBe(0);
    const stored = await h.db.jobs.get('job-1');
    // The status answer replaced the job; the later note was upserted onto it.
    expect(stored?.snapshot.status).toBe('EN_ROUTE');
    expect(stored?.snapshot.notes.map((n) => n.body)).toEqual(['second']);
    expect(h.synced).toEqual([['job-1', 3, 10]]);
    expect(h.engine.current.lastSyncedAt).not.toBeNull();
  });

  it('should keep the op and back off 1 s, 2 s, 4 s when the network fails', async () => {
    const h = await harness();
    h.transport.failures = [network, network, network];
    await h.engine.enqueue(job, { kind: 'note', body: 'kept' });
    await h.engine.kick();
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    expect(h.engine.current.unreachable).toBe(true);
    for (const expected of [2000, 4000]) {
      const t = h.timers.shift()!;
      t.fn();
      await h.engine.kick();
      expect(h.timers.map((x) => x.ms)).toEqual([expected]);
    }
    h.timers.shift()!.fn();
    await h.engine.kick();
    expect(await h.db.outbox.count()).toBe(0);
    expect(h.transport.sent.map((o) => o.key)).toEqual(Array(4).fill(h.transport.sent[0]!.key));
    expect(h.engine.current.unreachable).toBe(false);
  });

  it('should show the server error and retry at once when asked', async () => {
    const h = await harness();
    h.transport.failures = [{ kind: 'http', status: 503, message: 'Service unavailable' }];
    await h.engine.enqueue(job, { kind: 'note', body: 'x' });
    await h.engine.kick();
    expect(h.engine.current.lastError).toBe('Service unavailable');
    expect(h.engine.current.nextRetryAt).not.toBeNull();
    h.engine.retryNow();
    await h.engine.kick();
    expect(h.timers).toHaveLength(0);
    expect(await h.db.outbox.count()).toBe(0);
    expect(h.engine.current.lastError).toBeNull();
  });

  it('should set a refused op aside with its reason and go on with the queue', async () => {
    const h = await harness();
    h.transport.failures = [gqlError('BAD_USER_INPUT')];
    await h.engine.enqueue(job, { kind: 'note', body: 'too long' });
    await h.engine.enqueue(job, { kind: 'note', body: 'fine' });
    await h.engine.kick();
    expect(await h.db.outbox.count()).toBe(0);
    const rejected = await h.db.rejected.toArray();
    expect(rejected).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'BAD_USER_INPUT happened' }),
    ]);
    expect((await h.db.jobs.get('job-1'))?.snapshot.notes.map((n) => n.body)).toEqual(['fine']);
  });

  it('should drop a reassigned job with its status changes but still send its evidence', async () => {
    const h = await harness();
    h.transport.failures = [gqlError('CONFLICT', 'REASSIGNED')];
    await h.engine.enqueue(job, { kind: 'status', status: 'EN_ROUTE', expectedVersion: 3 });
    await h.engine.enqueue(job, { kind: 'status', status: 'ARRIVED', expectedVersion: 3 });
    await h.engine.enqueue(job, { kind: 'note', body: 'evidence' });
    h.engine.setOnline(true);
    await h.engine.kick();
    expect(h.transport.sent.map((o) => o.payload.kind)).toEqual(['status', 'note']);
    expect(await h.db.jobs.get('job-1')).toBeUndefined();
    expect(await h.db.notices.toArray()).toEqual([
      expect.objectContaining({
        kind: 'handback',
        text: expect.stringMatching(/^WO-12 was handed/),
      }),
    ]);
  });

  it('should give a tick queued for an offline-added item the server id', async () => {
    const h = await harness();
    h.engine.setOnline(false);
    const add = await h.engine.enqueue(job, { kind: 'checklistAdd', label: 'New step' });
    await h.engine.enqueue(job, { kind: 'checklistDone', itemId: add.key, done: true });
    h.engine.setOnline(true);
    await h.engine.kick();
    const tick = h.transport.sent[1]!;
    expect(tick.payload).toEqual({ kind: 'checklistDone', itemId: `srv-${add.key}`, done: true });
  });

  it('should send an op again after a restart when its answer never came', async () => {
    const h = await harness();
    h.engine.setOnline(false);
    await h.engine.enqueue(job, { kind: 'note', body: 'in flight' });
    h.engine.stop();
    const again = new SyncEngine(h.db, h.transport, { onState: () => undefined });
    await again.start();
    await again.kick();
    expect(h.transport.sent.map((o) => o.payload.kind)).toEqual(['note']);
    expect(await h.db.outbox.count()).toBe(0);
  });
});

describe('sync policy', () => {
  const status = { kind: 'status', status: 'ARRIVED', expectedVersion: 1 } as const;
  const op = (payload: Op['payload']): Op => ({
    key: 'k',
    jobId: 'j',
    jobNumber: 1,
    createdAt: '',
    attempts: 0,
    payload,
  });

  it('should double the backoff from 1 s up to 60 s with ±25 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000,
    ]);
    expect(backoffDelay(1, () => 0)).toBe(750);
    expect(backoffDelay(1, () => 1)).toBe(1250);
    expect(backoffDelay(7, () => 1)).toBe(60000);
  });

  it('should retry network and server trouble and set permanent refusals aside', () => {
    const note = op({ kind: 'note', body: 'x' });
    expect(classifyFailure(network, note)).toBe('offline');
    expect(classifyFailure({ kind: 'http', status: 502, message: '' }, note)).toBe('retry');
    expect(classifyFailure({ kind: 'http', status: 401, message: '' }, note)).toBe('retry');
    expect(classifyFailure(gqlError('INTERNAL_SERVER_ERROR'), note)).toBe('retry');
    for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT']) {
      expect(classifyFailure(gqlError(code), note)).toBe('reject');
    }
  });

  it('should hand a job back only when a status change meets a reassignment', () => {
    expect(classifyFailure(gqlError('CONFLICT', 'REASSIGNED'), op(status))).toBe('handback');
    expect(classifyFailure(gqlError('NOT_FOUND'), op(status))).toBe('handback');
    expect(classifyFailure(gqlError('CONFLICT', 'VERSION_CONFLICT'), op(status))).toBe('reject');
    expect(
      classifyFailure(gqlError('BAD_USER_INPUT', 'INVALID_STATUS_TRANSITION'), op(status)),
    ).toBe('reject');
  });

  it('should name what dispatch changed once per kind when revisions list columns', () => {
    expect(
      describeChanges([
        { version: 4, fields: ['scheduledStart', 'scheduledEnd'] },
        { version: 5, fields: ['priority'] },
        { version: 6, fields: ['status', 'startedAt'] },
        { version: 7, fields: [] },
      ]),
    ).toEqual({ labels: ['time', 'priority'], version: 5 });
  });

  it('should say nothing when only the technician changed the job', () => {
    expect(
      describeChanges([
        { version: 4, fields: ['status'] },
        { version: 5, fields: [] },
      ]),
    ).toBeNull();
  });
});
