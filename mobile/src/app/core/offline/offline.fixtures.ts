import type { JobSnapshot, Op, OpPayload } from './ops';

/** Test data for the offline specs. */
export function aJob(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id: 'job-1',
    number: 12,
    title: 'Boiler makes a knocking noise',
    status: 'DISPATCHED',
    priority: 'NORMAL',
    scheduledStart: '2026-03-14T09:00:00.000Z',
    scheduledEnd: '2026-03-14T10:00:00.000Z',
    windowStart: null,
    windowEnd: null,
    version: 3,
    updatedAt: '2026-03-14T08:00:00.000Z',
    allowedTransitions: ['EN_ROUTE', 'SCHEDULED', 'NEW', 'ON_HOLD', 'CANCELLED'],
    description: null,
    statusReason: null,
    estimatedMinutes: 60,
    guest: null,
    site: null,
    checklist: [
      { id: 'item-1', label: 'Check pressure', position: 0, done: false, doneAt: null },
      { id: 'item-2', label: 'Bleed radiators', position: 1, done: false, doneAt: null },
    ],
    notes: [],
    parts: [],
    timeEntries: [],
    attachments: [],
    ...overrides,
  };
}

let counter = 0;

export function anOp(payload: OpPayload, overrides: Partial<Op> = {}): Op {
  counter += 1;
  return {
    key: `op-${counter}`,
    jobId: 'job-1',
    jobNumber: 12,
    createdAt: new Date(Date.UTC(2026, 2, 14, 9, counter)).toISOString(),
    attempts: 0,
    payload,
    ...overrides,
  };
}
