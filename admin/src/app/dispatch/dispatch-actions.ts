import { inject, Injectable, signal } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, Subject } from 'rxjs';
import { codeOf, messageOf } from '../core/errors';
import { DispatchScheduleGQL } from '../generated/graphql';
import { woNumber } from '../shared/format';
import {
  refusalOf,
  type LaneJob,
  type PendingMove,
  type ScheduleRefusal,
} from './dispatch-board.model';
import { ForceDialog, type ForceData } from './dispatch-force.dialog';

/** A drop or an "Assign…" choice: where an order goes, and where it was (for Undo). */
export interface MoveRequest {
  job: LaneJob;
  /** Technician the order had before the move (null: the queue). */
  fromTechnicianId: string | null;
  technicianId: string | null;
  start: string | null;
  /** For people: "WO-12 to Ana Novak at 09:00", "WO-12 back to the queue". */
  summary: string;
  /** How to say where it was, for the Undo message. */
  undoSummary: string;
  force?: boolean;
  reason?: string;
}

/** A failed move: the conflicts when the server refused, else just its message. */
export interface MoveFailure extends ScheduleRefusal {
  request: MoveRequest;
}

const MINUTE = 60_000;

/**
 * Schedules from the board: shows the move at once (pending), reverts it when the server
 * refuses and keeps the refusal for the alert, offers Undo after a success. Provided by the
 * board page, so its state lives and dies with it.
 */
@Injectable()
export class DispatchActions {
  private readonly gql = inject(DispatchScheduleGQL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly moves = signal<ReadonlyMap<string, PendingMove>>(new Map());
  private readonly lastFailure = signal<MoveFailure | null>(null);
  private readonly changes = new Subject<void>();

  /** Moves shown before the board reflects them. */
  readonly pending = this.moves.asReadonly();
  readonly failure = this.lastFailure.asReadonly();
  /** Emits when the board should be fetched again. */
  readonly changed = this.changes.asObservable();

  dismissFailure(): void {
    this.lastFailure.set(null);
  }

  /** Asks for a reason, then schedules the refused move despite its conflicts. */
  async forceLast(): Promise<void> {
    const failed = this.lastFailure();
    if (!failed) return;
    const ref = this.dialog.open<ForceDialog, ForceData, string>(ForceDialog, {
      data: { summary: failed.request.summary, conflicts: failed.conflicts },
      width: 'min(480px, 92vw)',
    });
    const reason = await firstValueFrom(ref.afterClosed());
    if (!reason) return;
    await this.move({ ...failed.request, force: true, reason });
  }

  async move(request: MoveRequest, undoable = true): Promise<boolean> {
    const { job, technicianId, start } = request;
    this.lastFailure.set(null);
    const end = start
      ? new Date(Date.parse(start) + job.estimatedMinutes * MINUTE).toISOString()
      : null;
    this.setMove({ workOrderId: job.id, technicianId, start, end, settledVersion: null });
    try {
      const res = await firstValueFrom(
        this.gql.mutate({
          variables: {
            input: {
              workOrderId: job.id,
              technicianId,
              start,
              expectedVersion: job.version,
              force: request.force ?? false,
              reason: request.reason ?? null,
            },
          },
        }),
      );
      const saved = res.data?.scheduleWorkOrder;
      if (!saved) throw res.error ?? new Error(`${woNumber(job.number)} could not be scheduled`);
      this.setMove({
        workOrderId: job.id,
        technicianId,
        start: saved.scheduledStart,
        end: saved.scheduledEnd,
        settledVersion: saved.version,
      });
      this.changes.next();
      if (undoable) this.offerUndo(request, saved.version);
      else this.snackBar.open(request.summary, undefined, { duration: 4000 });
      return true;
    } catch (err) {
      this.clearMove(job.id);
      const errors = CombinedGraphQLErrors.is(err) ? err.errors : [];
      const refusal = refusalOf(errors) ?? { message: messageOf(err), conflicts: [], warnings: [] };
      this.lastFailure.set({ ...refusal, request });
      // A stale version means the board is behind: show what the order looks like now.
      if (codeOf(err) === 'CONFLICT' && refusal.conflicts.length === 0) this.changes.next();
      return false;
    }
  }

  /** Forgets moves the board now shows by itself. */
  prune(settled: (move: PendingMove) => boolean): void {
    const current = this.moves();
    const keep = [...current.values()].filter((m) => !settled(m));
    if (keep.length !== current.size) this.moves.set(new Map(keep.map((m) => [m.workOrderId, m])));
  }

  private offerUndo(request: MoveRequest, version: number): void {
    const previousStart = request.job.scheduledStart;
    // An order assigned without a time cannot be put back exactly; no Undo then.
    const canUndo = request.fromTechnicianId === null || previousStart !== null;
    const ref = this.snackBar.open(request.summary, canUndo ? 'Undo' : undefined, {
      duration: 8000,
    });
    ref.onAction().subscribe(() => {
      void this.move(
        {
          job: { ...request.job, version, scheduledStart: request.start },
          fromTechnicianId: request.technicianId,
          technicianId: request.fromTechnicianId,
          start: request.fromTechnicianId ? previousStart : null,
          summary: request.undoSummary,
          undoSummary: request.summary,
        },
        false,
      );
    });
  }

  private setMove(move: PendingMove): void {
    this.moves.update((m) => new Map(m).set(move.workOrderId, move));
  }

  private clearMove(id: string): void {
    this.moves.update((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }
}
