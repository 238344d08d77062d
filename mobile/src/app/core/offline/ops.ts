import type {
  AttachmentKind,
  OfflineAttachmentFragment,
  OfflineChecklistItemFragment,
  OfflineJobFragment,
  OfflineNoteFragment,
  OfflinePartFragment,
  OfflineTimeEntryFragment,
  WorkOrderStatus,
} from '../../generated/graphql';

/** A job as the server last sent it. */
export type JobSnapshot = OfflineJobFragment;

/**
 * One change the technician made, waiting in the outbox. `key` is made on the device (a UUID)
 * and sent as the idempotency key (the clientId for files), so a replay is stored once.
 */
export type OpPayload =
  | { kind: 'status'; status: WorkOrderStatus; reason?: string; expectedVersion: number }
  | { kind: 'checklistAdd'; label: string }
  | { kind: 'checklistDone'; itemId: string; done: boolean }
  | { kind: 'note'; body: string }
  | { kind: 'part'; description: string; sku?: string; quantity: number }
  | { kind: 'logTime'; startedAt: string; endedAt: string; note?: string }
  | { kind: 'startTimer'; at: string }
  | { kind: 'stopTimer'; at: string }
  | {
      kind: 'attachment';
      attachmentKind: AttachmentKind;
      fileName: string;
      contentType: string;
      signerName?: string;
      signedAt?: string;
    };

export type OpKind = OpPayload['kind'];

export interface Op {
  /** Outbox order (auto-increment); the queue is replayed strictly by it. */
  seq?: number;
  key: string;
  jobId: string;
  /** The job's number, for messages about a job that is no longer on the device. */
  jobNumber: number;
  createdAt: string;
  attempts: number;
  payload: OpPayload;
}

/** A change the server refused for good: set aside (never blocking the queue) and shown. */
export interface RejectedOp extends Op {
  code: string;
  reason: string | null;
  message: string;
  rejectedAt: string;
}

/** Marks what is only on this device so far. */
export interface Pending {
  pending?: boolean;
}

export type LocalChecklistItem = OfflineChecklistItemFragment & Pending;
export type LocalNote = OfflineNoteFragment & Pending;
export type LocalPart = OfflinePartFragment & Pending;
export type LocalTimeEntry = OfflineTimeEntryFragment & Pending;
export type LocalAttachment = OfflineAttachmentFragment &
  Pending & { signerName?: string | null; signedAt?: string | null };

/** What the screens show: the server snapshot with the pending changes folded on top. */
export interface LocalJob extends Omit<
  JobSnapshot,
  'checklist' | 'notes' | 'parts' | 'timeEntries' | 'attachments'
> {
  checklist: LocalChecklistItem[];
  notes: LocalNote[];
  parts: LocalPart[];
  timeEntries: LocalTimeEntry[];
  attachments: LocalAttachment[];
  /** A status change is still on its way. */
  statusPending: boolean;
  pendingCount: number;
}

// The server's status machine (work-order.transitions.ts): offline, the next buttons come from it.
export const TRANSITIONS: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  NEW: ['SCHEDULED', 'ON_HOLD', 'CANCELLED'],
  SCHEDULED: ['DISPATCHED', 'NEW', 'ON_HOLD', 'CANCELLED'],
  DISPATCHED: ['EN_ROUTE', 'SCHEDULED', 'NEW', 'ON_HOLD', 'CANCELLED'],
  EN_ROUTE: ['ARRIVED', 'DISPATCHED', 'ON_HOLD', 'CANCELLED'],
  ARRIVED: ['IN_PROGRESS', 'ON_HOLD', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD'],
  ON_HOLD: ['NEW', 'SCHEDULED', 'IN_PROGRESS', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000));

/**
 * Folds the pending ops (in outbox order) onto a snapshot. Pure: the same inputs always give the
 * same view, which is what makes "local state = server snapshot + pending ops" dependable.
 */
export function foldJob(snapshot: JobSnapshot, ops: readonly Op[], me: string | null): LocalJob {
  const job: LocalJob = {
    ...snapshot,
    checklist: snapshot.checklist.map((i) => ({ ...i })),
    notes: [...snapshot.notes],
    parts: [...snapshot.parts],
    timeEntries: snapshot.timeEntries.map((t) => ({ ...t })),
    attachments: [...snapshot.attachments],
    statusPending: false,
    pendingCount: 0,
  };
  for (const op of ops) {
    if (op.jobId !== snapshot.id) continue;
    job.pendingCount += 1;
    applyOp(job, op, me);
  }
  return job;
}

function applyOp(job: LocalJob, op: Op, me: string | null): void {
  const p = op.payload;
  switch (p.kind) {
    case 'status':
      job.status = p.status;
      job.statusReason = p.reason ?? null;
      job.allowedTransitions = [...TRANSITIONS[p.status]];
      job.statusPending = true;
      return;
    case 'checklistAdd':
      job.checklist.push({
        id: op.key,
        label: p.label,
        position: job.checklist.length,
        done: false,
        doneAt: null,
        pending: true,
      });
      return;
    case 'checklistDone': {
      const item = job.checklist.find((i) => i.id === p.itemId);
      if (item) {
        item.done = p.done;
        item.doneAt = p.done ? op.createdAt : null;
        item.pending = true;
      }
      return;
    }
    case 'note':
      job.notes.push({
        id: op.key,
        authorName: 'You',
        body: p.body,
        createdAt: op.createdAt,
        pending: true,
      });
      return;
    case 'part':
      job.parts.push({
        id: op.key,
        description: p.description,
        sku: p.sku ?? null,
        quantity: p.quantity,
        createdAt: op.createdAt,
        pending: true,
      });
      return;
    case 'logTime':
      job.timeEntries.push({
        id: op.key,
        technicianId: me,
        startedAt: p.startedAt,
        endedAt: p.endedAt,
        minutes: minutesBetween(p.startedAt, p.endedAt),
        note: p.note ?? null,
        pending: true,
      });
      return;
    case 'startTimer':
      // Like the server: a timer already running stays as it is.
      if (runningTimer(job, me)) return;
      job.timeEntries.push({
        id: op.key,
        technicianId: me,
        startedAt: p.at,
        endedAt: null,
        minutes: null,
        note: null,
        pending: true,
      });
      return;
    case 'stopTimer': {
      const running = runningTimer(job, me);
      if (running) {
        running.endedAt = p.at;
        running.minutes = minutesBetween(running.startedAt, p.at);
        running.pending = true;
      }
      return;
    }
    case 'attachment':
      // An upload whose answer was lost may already be in the snapshot (same clientId).
      if (job.attachments.some((a) => a.clientId === op.key)) return;
      job.attachments.push({
        id: op.key,
        kind: p.attachmentKind,
        fileName: p.fileName,
        contentType: p.contentType,
        sizeBytes: 0,
        clientId: op.key,
        createdAt: op.createdAt,
        signerName: p.signerName ?? null,
        signedAt: p.signedAt ?? null,
        pending: true,
      });
      return;
  }
}

/** The technician's running timer on the job, if any. */
export function runningTimer<T extends { technicianId: string | null; endedAt: string | null }>(
  job: { timeEntries: T[] },
  me: string | null,
): T | undefined {
  return job.timeEntries.find((t) => t.endedAt === null && (me === null || t.technicianId === me));
}

/**
 * What a successful op's answer does to the stored snapshot, so the change stays on screen
 * between leaving the outbox and the next full refresh.
 */
export type OpResult =
  | { kind: 'job'; job: JobSnapshot }
  | { kind: 'checklistItem'; item: OfflineChecklistItemFragment }
  | { kind: 'note'; note: OfflineNoteFragment }
  | { kind: 'part'; part: OfflinePartFragment }
  | { kind: 'timeEntry'; entry: OfflineTimeEntryFragment }
  | { kind: 'attachment'; attachment: OfflineAttachmentFragment };

const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];

export function applyResult(snapshot: JobSnapshot, result: OpResult): JobSnapshot {
  switch (result.kind) {
    case 'job':
      return result.job;
    case 'checklistItem':
      return { ...snapshot, checklist: upsert(snapshot.checklist, result.item) };
    case 'note':
      return { ...snapshot, notes: upsert(snapshot.notes, result.note) };
    case 'part':
      return { ...snapshot, parts: upsert(snapshot.parts, result.part) };
    case 'timeEntry':
      return { ...snapshot, timeEntries: upsert(snapshot.timeEntries, result.entry) };
    case 'attachment':
      return { ...snapshot, attachments: upsert(snapshot.attachments, result.attachment) };
  }
}

/** Later ops that name an item added offline by its temporary id get the server's id. */
export function remapItemId(op: Op, tempId: string, serverId: string): Op | null {
  if (op.payload.kind === 'checklistDone' && op.payload.itemId === tempId) {
    return { ...op, payload: { ...op.payload, itemId: serverId } };
  }
  return null;
}

/** Completed and cancelled jobs take notes only (the server refuses other changes). */
export const isClosed = (job: { status: WorkOrderStatus }) =>
  job.status === 'COMPLETED' || job.status === 'CANCELLED';
