import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { loadErrorOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import { SetTechnicianActiveGQL, TechnicianDetailGQL } from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { ErrorBanner } from '../shared/error-banner';
import { liveQuery } from '../shared/query-state';
import { RecordHeader, type ActiveConsequences } from '../shared/record-header';
import { clockRange } from '../shared/time-of-day';
import { formatDays } from '../shared/weekdays';
import { TechnicianAvailability } from './technician-availability';
import { TechnicianCertifications } from './technician-certifications';
import { TechnicianSkills } from './technician-skills';
import { TECHNICIAN_EDITORS } from './technician.model';

/** /technicians/:id: profile, skills, certifications and the availability calendar. */
@Component({
  selector: 'att-technician-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    RecordHeader,
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
    return loadErrorOf(err, 'This technician does not exist or belongs to another organization.');
  });
  protected readonly shift = computed(() => {
    const t = this.technician();
    return t ? `${clockRange(t.shiftStartMin, t.shiftEndMin)} · ${formatDays(t.workDays)}` : '';
  });

  protected readonly action = new ActionState();
  protected readonly consequences: ActiveConsequences = {
    deactivate: 'They keep their history but get no new work and leave the dispatch board.',
    reactivate: 'They can be scheduled for new work again.',
  };

  protected async setActive(active: boolean): Promise<void> {
    const t = this.technician();
    if (!t) return;
    await this.action.run(() =>
      firstValueFrom(this.activeGql.mutate({ variables: { id: t.id, active } })),
    );
  }

  /** A child changed something the technician's own fields show (certifications). */
  protected refresh(): void {
    this.query.refetch();
  }
}
