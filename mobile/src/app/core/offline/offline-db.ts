import { Dexie, type EntityTable } from 'dexie';
import type { JobSnapshot, Op, RejectedOp } from './ops';

/** A job kept on the device, as the server last sent it. */
export interface StoredJob {
  id: string;
  number: number;
  /** For the day lists ('' when unscheduled, which sorts first but is shown last). */
  scheduledStart: string;
  snapshot: JobSnapshot;
  fetchedAt: string;
}

/** A photo or signature waiting to be (or already) uploaded; the key is the op key (clientId). */
export interface StoredFile {
  key: string;
  jobId: string;
  blob: Blob;
  contentType: string;
  createdAt: string;
  uploaded: boolean;
}

/** Something the technician should read once: a handback, what dispatch changed. */
export interface Notice {
  id: string;
  kind: 'handback' | 'changed';
  jobId: string;
  text: string;
  createdAt: string;
  /** Kept after dismissal, so the same notice is never shown twice. */
  dismissed?: boolean;
}

/** A GPS fix waiting for upload, with the time it was taken on the device. */
export interface StoredPing {
  seq?: number;
  recordedAt: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  speedMps: number | null;
  headingDeg: number | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * One IndexedDB database per signed-in user ("attendant-<userId>"), so a shared phone never
 * shows one technician's jobs or queued changes to another.
 */
export class OfflineDb extends Dexie {
  jobs!: EntityTable<StoredJob, 'id'>;
  outbox!: EntityTable<Op, 'seq'>;
  rejected!: EntityTable<RejectedOp, 'key'>;
  files!: EntityTable<StoredFile, 'key'>;
  notices!: EntityTable<Notice, 'id'>;
  pings!: EntityTable<StoredPing, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(userId: string) {
    super(offlineDbName(userId));
    this.version(1).stores({
      jobs: 'id, scheduledStart',
      outbox: '++seq, &key, jobId',
      rejected: 'key, jobId, rejectedAt',
      files: 'key, jobId',
      notices: 'id, createdAt',
      pings: '++seq, recordedAt',
      meta: 'key',
    });
  }

  async getMeta<T>(key: string): Promise<T | null> {
    return ((await this.meta.get(key))?.value as T | undefined) ?? null;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }
}

export const offlineDbName = (userId: string) => `attendant-${userId}`;
