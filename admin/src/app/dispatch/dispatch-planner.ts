import { inject, Injectable, type Signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { woNumber } from '../shared/format';
import { DispatchActions } from './dispatch-actions';
import { AssignDialog, type AssignData, type AssignResult } from './dispatch-assign.dialog';
import type { Lane, LaneJob } from './dispatch-board.model';
import { localTime, proposedTime } from './dispatch-timeline.model';

/** What the planner needs to know of the board shown. */
export interface PlannerContext {
  lanes: readonly Lane[];
  day: string;
  timezone: string;
}

/**
 * Turns board gestures (a drop, a menu choice, the "Assign…" dialog) into schedule requests with
 * messages people read. Provided by the board page next to DispatchActions.
 */
@Injectable()
export class DispatchPlanner {
  private readonly actions = inject(DispatchActions);
  private readonly dialog = inject(MatDialog);
  private context: Signal<PlannerContext | null> | null = null;

  use(context: Signal<PlannerContext | null>): void {
    this.context = context;
  }

  /** Puts an order on a technician's timeline at `start`, or back in the queue (null). */
  async moveTo(
    job: LaneJob,
    from: string | null,
    to: string | null,
    start: string | null,
  ): Promise<void> {
    const ctx = this.context?.();
    if (!ctx) return;
    const name = (id: string) =>
      ctx.lanes.find((l) => l.technician.id === id)?.technician.name ?? 'a technician';
    const where = (id: string | null, at: string | null) =>
      id && at ? `to ${name(id)} at ${localTime(at, ctx.timezone)}` : 'back to the queue';
    const label = woNumber(job.number);
    await this.actions.move({
      job,
      fromTechnicianId: from,
      technicianId: to,
      start,
      summary: `${label} ${where(to, start)}`,
      undoSummary: `${label} ${where(from, job.scheduledStart)}`,
    });
  }

  /** The keyboard way: asks for a technician and a time, then schedules. */
  async assign(job: LaneJob, from: string | null = null): Promise<void> {
    const ctx = this.context?.();
    if (!ctx) return;
    const lane =
      ctx.lanes.find((l) => l.technician.id === from) ?? ctx.lanes.find((l) => l.working);
    const time = job.scheduledStart
      ? localTime(job.scheduledStart, ctx.timezone)
      : proposedTime(ctx.day, ctx.timezone, lane?.shiftStart ?? null, new Date());
    const data: AssignData = {
      job,
      technicians: ctx.lanes.map((l) => ({
        id: l.technician.id,
        name: l.technician.name,
        working: l.working,
      })),
      day: ctx.day,
      timezone: ctx.timezone,
      technicianId: from,
      time,
    };
    const ref = this.dialog.open<AssignDialog, AssignData, AssignResult>(AssignDialog, {
      data,
      width: 'min(440px, 92vw)',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (result) await this.moveTo(job, from, result.technicianId, result.start);
  }
}
