import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import {
  UpdateWorkOrderGQL,
  WorkOrderAssignmentCandidatesGQL,
  WorkOrderScheduleGQL,
  type WorkOrderStatus,
} from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { formatDateTime } from '../shared/format';
import { liveQuery } from '../shared/query-state';
import { WorkOrderCandidateRow } from './work-order-candidate-row';
import {
  assignPlan,
  candidateKey,
  candidateName,
  refusalOf,
  type AssignPlan,
  type Candidate,
  type Refusal,
} from './work-order-candidate.model';
import { actionMessage } from './work-order-errors';

const LIMIT = 10;

/** The schedule the server refused, kept so a planner can assign anyway. */
interface Refused extends Refusal {
  candidate: Candidate;
  name: string;
}

/**
 * "Suggested assignees": technicians and vendors ranked by the server (skill fit, availability,
 * distance, cost, quality). Assign schedules a technician at their next free time, or gives the
 * job to a vendor; schedule conflicts are shown, and may be overridden after confirmation.
 */
@Component({
  selector: 'att-work-order-candidates',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    WorkOrderCandidateRow,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './work-order-candidates.html',
  styleUrl: './work-order-candidates.scss',
})
export class WorkOrderCandidates {
  readonly workOrderId = input.required<string>();
  readonly version = input.required<number>();
  readonly status = input.required<WorkOrderStatus>();
  /** Who has the job now (technician or vendor name), to confirm a replacement. */
  readonly assignee = input<string | null>(null);
  readonly canAssign = input(false);

  private readonly dialog = inject(MatDialog);
  private readonly gql = inject(WorkOrderAssignmentCandidatesGQL);
  private readonly scheduleGql = inject(WorkOrderScheduleGQL);
  private readonly updateGql = inject(UpdateWorkOrderGQL);

  private readonly variables = computed(() => ({ workOrderId: this.workOrderId(), limit: LIMIT }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true }),
  );
  protected readonly candidates = computed(() => this.query.data()?.assignmentCandidates ?? []);
  protected readonly loadError = computed(() =>
    this.query.error() ? messageOf(this.query.error()) : null,
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly refused = signal<Refused | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly key = candidateKey;

  protected planOf(c: Candidate): AssignPlan {
    return assignPlan(c, this.status());
  }

  protected async assign(c: Candidate, force = false): Promise<void> {
    const plan = this.planOf(c);
    if (plan.kind === 'none') return;
    const current = this.assignee();
    const name = candidateName(c);
    if (!force && current && current !== name) {
      const ok = await confirmAction(this.dialog, {
        title: 'Replace the assignee?',
        message: `${current} has this job now. ${plan.summary} instead?`,
        confirm: 'Assign',
      });
      if (!ok) return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.refused.set(null);
    this.done.set(null);
    try {
      if (plan.kind === 'schedule') {
        await firstValueFrom(
          this.scheduleGql.mutate({
            variables: {
              input: {
                workOrderId: this.workOrderId(),
                technicianId: plan.technicianId,
                start: plan.start,
                expectedVersion: this.version(),
                force,
                reason: force ? 'Assigned from suggested assignees despite conflicts' : null,
              },
            },
          }),
        );
        this.done.set(`${name} is scheduled for ${formatDateTime(plan.start)}`);
      } else {
        await firstValueFrom(
          this.updateGql.mutate({
            variables: {
              id: this.workOrderId(),
              input: { vendorId: plan.vendorId, technicianId: null },
              expectedVersion: this.version(),
            },
          }),
        );
        this.done.set(`The job is given to ${name}`);
      }
      this.query.refetch();
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) this.refused.set({ ...refusal, candidate: c, name });
      else this.error.set(actionMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async assignAnyway(): Promise<void> {
    const r = this.refused();
    if (!r) return;
    const ok = await confirmAction(this.dialog, {
      title: 'Assign despite conflicts?',
      message: `${r.conflicts.map((c) => c.message).join('\n')}\n\nThe override is recorded.`,
      confirm: 'Assign anyway',
      danger: true,
    });
    if (ok) await this.assign(r.candidate, true);
  }
}
