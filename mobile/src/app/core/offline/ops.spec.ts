import { aJob, anOp } from './offline.fixtures';
import { applyResult, foldJob, remapItemId } from './ops';

describe('foldJob', () => {
  it('should show the snapshot as it is when nothing is pending', () => {
    const job = foldJob(aJob(), [], 'tech-1');
    expect(job.status).toBe('DISPATCHED');
    expect(job.pendingCount).toBe(0);
    expect(job.statusPending).toBe(false);
  });

  it('should apply status changes in order and offer the next steps from the status machine', () => {
    const job = foldJob(
      aJob(),
      [
        anOp({ kind: 'status', status: 'EN_ROUTE', expectedVersion: 3 }),
        anOp({ kind: 'status', status: 'ARRIVED', expectedVersion: 3 }),
      ],
      'tech-1',
    );
    expect(job.status).toBe('ARRIVED');
    expect(job.allowedTransitions).toEqual(['IN_PROGRESS', 'ON_HOLD', 'CANCELLED']);
    expect(job.statusPending).toBe(true);
    expect(job.pendingCount).toBe(2);
  });

  it('should add notes, parts, checklist items and photos as pending when queued offline', () => {
    const add = anOp({ kind: 'checklistAdd', label: 'Replace valve' });
    const job = foldJob(
      aJob(),
      [
        anOp({ kind: 'note', body: 'Customer not home' }),
        anOp({ kind: 'part', description: 'Valve', sku: 'V-1', quantity: 2 }),
        add,
        anOp({ kind: 'checklistDone', itemId: add.key, done: true }),
        anOp({ kind: 'checklistDone', itemId: 'item-1', done: true }),
        anOp({
          kind: 'attachment',
          attachmentKind: 'PHOTO',
          fileName: 'p.jpg',
          contentType: 'image/jpeg',
        }),
      ],
      'tech-1',
    );
    expect(job.notes).toEqual([
      expect.objectContaining({ body: 'Customer not home', pending: true }),
    ]);
    expect(job.parts[0]).toMatchObject({ description: 'Valve', sku: 'V-1', quantity: 2 });
    expect(job.checklist.map((i) => [i.label, i.done])).toEqual([
      ['Check pressure', true],
      ['Bleed radiators', false],
      ['Replace valve', true],
    ]);
    expect(job.attachments[0]).toMatchObject({ kind: 'PHOTO', pending: true });
  });

  it('should run and stop a timer, keeping a running one when started twice', () => {
    const job = foldJob(
      aJob(),
      [
        anOp({ kind: 'startTimer', at: '2026-03-14T09:00:00.000Z' }),
        anOp({ kind: 'startTimer', at: '2026-03-14T09:05:00.000Z' }),
        anOp({ kind: 'stopTimer', at: '2026-03-14T09:45:30.000Z' }),
        anOp({
          kind: 'logTime',
          startedAt: '2026-03-14T10:00:00.000Z',
          endedAt: '2026-03-14T10:30:00.000Z',
        }),
      ],
      'tech-1',
    );
    expect(job.timeEntries.map((t) => [t.startedAt, t.endedAt, t.minutes])).toEqual([
      ['2026-03-14T09:00:00.000Z', '2026-03-14T09:45:30.000Z', 45],
      ['2026-03-14T10:00:00.000Z', '2026-03-14T10:30:00.000Z', 30],
    ]);
  });

  it('should not show an upload twice when its answer was lost but the snapshot has it', () => {
    const op = anOp({
      kind: 'attachment',
      attachmentKind: 'PHOTO',
      fileName: 'p.jpg',
      contentType: 'image/jpeg',
    });
    const snapshot = aJob({
      attachments: [
        {
          id: 'a-1',
          kind: 'PHOTO',
          fileName: 'p.jpg',
          contentType: 'image/jpeg',
          sizeBytes: 10,
          clientId: op.key,
          createdAt: op.createdAt,
        },
      ],
    });
    expect(foldJob(snapshot, [op], 'tech-1').attachments).toHaveLength(1);
  });

  it('should ignore ops of other jobs when folding', () => {
    const job = foldJob(aJob(), [anOp({ kind: 'note', body: 'x' }, { jobId: 'other' })], null);
    expect(job.notes).toEqual([]);
    expect(job.pendingCount).toBe(0);
  });
});

describe('applyResult', () => {
  it('should upsert answers into the snapshot by id when an op was sent', () => {
    const withNote = applyResult(aJob(), {
      kind: 'note',
      note: { id: 'n-1', authorName: 'Tess', body: 'hi', createdAt: '2026-03-14T09:00:00.000Z' },
    });
    expect(withNote.notes).toHaveLength(1);
    const ticked = applyResult(withNote, {
      kind: 'checklistItem',
      item: { id: 'item-1', label: 'Check pressure', position: 0, done: true, doneAt: null },
    });
    expect(ticked.checklist[0]!.done).toBe(true);
    expect(ticked.checklist).toHaveLength(2);
  });

  it('should replace the whole job when a status change answers with it', () => {
    const next = aJob({ status: 'EN_ROUTE', version: 4 });
    expect(applyResult(aJob(), { kind: 'job', job: next })).toBe(next);
  });
});

describe('remapItemId', () => {
  it('should point a queued tick at the server id once its item was created', () => {
    const tick = anOp({ kind: 'checklistDone', itemId: 'temp', done: true });
    expect(remapItemId(tick, 'temp', 'real')?.payload).toEqual({
      kind: 'checklistDone',
      itemId: 'real',
      done: true,
    });
    expect(remapItemId(tick, 'other', 'real')).toBeNull();
  });
});
