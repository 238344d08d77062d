import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  JobAttachmentFilesGQL,
  JobChangesSinceGQL,
  OfflineJobGQL,
  OfflineJobsGQL,
  type OfflineJobFragment,
  type OfflineJobsQuery,
} from '../../generated/graphql';
import { describeFailure } from './send-failure';
import type { OfflineDb, StoredJob } from './offline-db';
import { OfflineStore } from './offline-store.service';
import { offlineRange } from './offline-range';
import { describeChanges } from './sync-policy';

/** A job whose version moved on since the device last had it. */
interface Moved {
  id: string;
  number: number;
  since: number;
  version: number;
}

/**
 * Keeps the stored jobs in step with the server: the technician's jobs for today and the next two
 * days with everything the job page shows. Runs on start, on reconnect, on every workOrderChanged
 * event, on pull-to-refresh and after the outbox empties.
 */
@Injectable({ providedIn: 'root' })
export class JobRefreshService {
  private readonly store = inject(OfflineStore);
  private readonly jobsGql = inject(OfflineJobsGQL);
  private readonly jobGql = inject(OfflineJobGQL);
  private readonly changesGql = inject(JobChangesSinceGQL);
  private readonly filesGql = inject(JobAttachmentFilesGQL);
  private running: Promise<void> | null = null;
  private again = false;

  readonly refreshing = signal(false);
  /** The last refresh failed with this (the stored jobs stay on screen). */
  readonly error = signal<string | null>(null);

  /** Refreshes the stored jobs; one at a time (a call during a refresh runs once more after). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      this.refreshing.set(true);
      try {
        do {
          this.again = false;
          await this.refreshOnce();
        } while (this.again);
      } finally {
        this.refreshing.set(false);
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Loads one job (opened from a link, outside the stored days) into the store. */
  async fetchOne(id: string): Promise<'ok' | 'not-found' | 'failed'> {
    const db = this.store.db();
    if (!db) return 'failed';
    try {
      const result = await firstValueFrom(
        this.jobGql.fetch({ variables: { id }, fetchPolicy: 'no-cache' }),
      );
      const job = result.data?.workOrder;
      if (!job) return 'not-found';
      await db.jobs.put(stored(job));
      return 'ok';
    } catch (err) {
      const failure = describeFailure(err);
      return failure.kind === 'graphql' && failure.code === 'NOT_FOUND' ? 'not-found' : 'failed';
    }
  }

  /** Downloads the job's attachment files not on this device, so they show offline too. */
  async fetchFiles(jobId: string): Promise<boolean> {
    const db = this.store.db();
    if (!db) return false;
    try {
      const result = await firstValueFrom(
        this.filesGql.fetch({ variables: { id: jobId }, fetchPolicy: 'no-cache' }),
      );
      for (const a of result.data?.workOrder?.attachments ?? []) {
        const key = a.clientId ?? a.id;
        if (await db.files.get(key)) continue;
        const blob = await (await fetch(a.dataUrl)).blob();
        await db.files.put({
          key,
          jobId,
          blob,
          contentType: a.contentType,
          createdAt: a.createdAt,
          uploaded: true,
        });
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Tells the technician once what dispatch changed on a job since `since`. */
  async noteChanges(moved: Moved): Promise<void> {
    const db = this.store.db();
    if (!db || moved.version <= moved.since) return;
    try {
      const result = await firstValueFrom(
        this.changesGql.fetch({
          variables: { id: moved.id, version: moved.since },
          fetchPolicy: 'no-cache',
        }),
      );
      const changes = describeChanges(result.data?.workOrder?.changesSince ?? []);
      if (!changes) return;
      const id = `changed:${moved.id}:${changes.version}`;
      if (await db.notices.get(id)) return;
      await db.notices.put({
        id,
        kind: 'changed',
        jobId: moved.id,
        text: `Dispatch changed WO-${moved.number}: ${changes.labels.join(', ')}`,
        createdAt: new Date().toISOString(),
      });
    } catch {
      // Only a courtesy: the job itself already shows the new values.
    }
  }

  private async refreshOnce(): Promise<void> {
    const db = this.store.db();
    if (!db) return;
    // A change that reaches the server while the list is on its way is missing from it: fetch again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = this.store.synced();
      const range = offlineRange();
      let jobs: OfflineJobFragment[];
      try {
        jobs = await this.fetchAll(range);
      } catch (err) {
        this.error.set(describeFailure(err).message);
        return;
      }
      this.error.set(null);
      if (this.store.synced() !== before) continue;
      const moved = await this.save(db, jobs, range);
      await db.setMeta('lastRefreshAt', new Date().toISOString());
      for (const m of moved) await this.noteChanges(m);
      return;
    }
  }

  private async fetchAll(range: { from: string; to: string }): Promise<OfflineJobFragment[]> {
    const jobs: OfflineJobFragment[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: { data?: OfflineJobsQuery | null } = await firstValueFrom(
        this.jobsGql.fetch({ variables: { ...range, after }, fetchPolicy: 'no-cache' }),
      );
      const data = result.data?.workOrders;
      if (!data) throw new Error('The server sent no jobs');
      jobs.push(...data.nodes);
      if (!data.pageInfo.hasNextPage || !data.pageInfo.endCursor) break;
      after = data.pageInfo.endCursor;
    }
    return jobs;
  }

  /** Stores the fetched jobs and drops the ones no longer assigned; returns the moved ones. */
  private async save(
    db: OfflineDb,
    jobs: OfflineJobFragment[],
    range: { from: string; to: string },
  ): Promise<Moved[]> {
    const moved: Moved[] = [];
    await db.transaction('rw', [db.jobs, db.outbox, db.notices], async () => {
      const ids = new Set(jobs.map((j) => j.id));
      for (const job of jobs) {
        const old = await db.jobs.get(job.id);
        if (old && job.version > old.snapshot.version) {
          moved.push({
            id: job.id,
            number: job.number,
            since: old.snapshot.version,
            version: job.version,
          });
        }
        await db.jobs.put(stored(job));
      }
      // Only jobs the list should have had are gone; one opened from a link (another day, or
      // unscheduled) is not in the list and stays.
      const inRange = (j: StoredJob) =>
        j.scheduledStart >= range.from && j.scheduledStart < range.to;
      for (const gone of await db.jobs.filter((j) => !ids.has(j.id) && inRange(j)).toArray()) {
        await db.jobs.delete(gone.id);
        // Its queued notes, photos and time still go to the server (it keeps a previous
        // technician's evidence); the technician should know why the job left the list.
        const queued = await db.outbox.where('jobId').equals(gone.id).count();
        if (queued > 0 && !(await db.notices.get(`handback:${gone.id}`))) {
          await db.notices.put({
            id: `handback:${gone.id}`,
            kind: 'handback',
            jobId: gone.id,
            text: `WO-${gone.number} was handed to someone else or moved by dispatch; your notes, photos and time were kept on the job.`,
            createdAt: new Date().toISOString(),
          });
        }
      }
    });
    return moved;
  }
}

function stored(job: OfflineJobFragment) {
  return {
    id: job.id,
    number: job.number,
    scheduledStart: job.scheduledStart ?? '',
    snapshot: job,
    fetchedAt: new Date().toISOString(),
  };
}
