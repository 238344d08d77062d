import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { codeOf, messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import { SetTechnicianActiveGQL, TechnicianDetailGQL } from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { liveQuery } from '../shared/query-state';
import { formatDays } from './schedule.model';
import { TechnicianAvailability } from './technician-availability';
import { TechnicianCertifications } from './technician-certifications';
import { TechnicianSkills } from './technician-skills';
import { formatShift, TECHNICIAN_EDITORS } from './technician.model';

/** /technicians/:id: profile, skills, certifications and the availability calendar. */
@Component({
  selector: 'att-technician-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    TechnicianSkills,
    TechnicianCertifications,
    TechnicianAvailability,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './technician-detail.page.html',
  styleUrl: './technician-detail.page.scss',
})
export class TechnicianDetailPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly dialog = inject(MatDialog);
  private readonly store = inject(SessionStore);
  private readonly gql = inject(TechnicianDetailGQL);
  private readonly activeGql = inject(SetTechnicianActiveGQL);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(TECHNICIAN_EDITORS));
  protected readonly timezone = computed(
    () =>
      this.store.user()?.organization.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  private readonly variables = computed(() => ({ id: this.id() }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly technician = computed(() => this.query.data()?.technician);
  protected readonly loadError = computed(() => {
    const err = this.query.error();
    if (!err || this.technician()) return null;
    return codeOf(err) === 'NOT_FOUND'
      ? 'This technician does not exist or belongs to another organization.'
      : messageOf(err);
  });
  protected readonly shift = computed(() => {
    const t = this.technician();
    return t ? `${formatShift(t.shiftStartMin, t.shiftEndMin)} · ${formatDays(t.workDays)}` : '';
  });

  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected async setActive(active: boolean): Promise<void> {
    const t = this.technician();
    if (!t) return;
    const confirmed = await confirmAction(this.dialog, {
      title: active ? `Reactivate ${t.name}?` : `Deactivate ${t.name}?`,
      message: active
        ? 'They can be scheduled for new work again.'
        : 'They keep their history but get no new work and leave the dispatch board.',
      confirm: active ? 'Reactivate' : 'Deactivate',
      danger: !active,
    });
    if (!confirmed) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.activeGql.mutate({ variables: { id: t.id, active } }));
    } catch (err) {
      this.actionError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  /** A child changed something the technician's own fields show (certifications). */
  protected refresh(): void {
    this.query.refetch();
  }
}
