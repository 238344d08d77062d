import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import {
  OptimizerServiceTypesGQL,
  WhatIfScheduleGQL,
  type WhatIfScheduleQuery,
  type WorkOrderPriority,
} from '../generated/graphql';
import { queryState } from '../shared/query-state';
import {
  emptyScenario,
  kpiRows,
  scenarioErrors,
  scenarioInput,
  type JobDraft,
  type MoveDraft,
  type ScenarioDraft,
  type ShiftDraft,
  type TechnicianDraft,
} from './dispatch-optimizer.model';

export interface WhatIfTechnician {
  id: string;
  name: string;
  /** "HH:MM" of today's shift, to start a shift change from. */
  shiftStart: string;
  shiftEnd: string;
}

export interface WhatIfJob {
  id: string;
  label: string;
}

export interface WhatIfSite {
  id: string;
  name: string;
}

type ListKey = 'addTechnicians' | 'shiftChanges' | 'addJobs' | 'moveJobs';
type Row<K extends ListKey> = ScenarioDraft[K][number];

const PRIORITIES: readonly WorkOrderPriority[] = ['EMERGENCY', 'HIGH', 'NORMAL', 'LOW'];
const BUDGETS = [2, 3, 5] as const;

/**
 * What-if: a hypothetical change to the day (people, shifts, an urgent job, a moved job),
 * optimised beside the day as it is; nothing is saved.
 */
@Component({
  selector: 'att-dispatch-what-if',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'what-if-panel', role: 'region', 'aria-label': 'What-if scenario' },
  templateUrl: './dispatch-what-if.html',
  styleUrl: './dispatch-what-if.scss',
})
export class DispatchWhatIf {
  readonly day = input.required<string>();
  readonly teamId = input<string | null>(null);
  readonly technicians = input<readonly WhatIfTechnician[]>([]);
  readonly jobs = input<readonly WhatIfJob[]>([]);
  readonly sites = input<readonly WhatIfSite[]>([]);
  readonly closed = output<void>();

  private readonly gql = inject(WhatIfScheduleGQL);
  private readonly serviceTypesState = queryState(
    inject(OptimizerServiceTypesGQL).watch().valueChanges,
  );
  protected readonly serviceTypes = computed(
    () => this.serviceTypesState.data()?.serviceTypes ?? [],
  );
  protected readonly priorities = PRIORITIES;
  protected readonly budgets = BUDGETS;

  protected readonly draft = signal<ScenarioDraft>(emptyScenario());
  protected readonly budget = signal<number>(3);
  protected readonly running = signal(false);
  protected readonly tried = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<WhatIfScheduleQuery['whatIfSchedule'] | null>(null);
  protected readonly errors = computed(() => scenarioErrors(this.draft()));
  protected readonly rows = computed(() => {
    const r = this.result();
    if (!r) return [];
    const values = kpiRows([r.current, r.baseline.kpis, r.scenario.kpis]);
    const deltas = kpiRows([r.baseline.kpis, r.scenario.kpis]);
    return values.map((row, i) => ({ ...row, delta: deltas[i]!.delta, better: deltas[i]!.better }));
  });

  protected add(key: ListKey): void {
    const first = this.technicians()[0];
    const rows: { [K in ListKey]: Row<K> } = {
      addTechnicians: {
        name: `Extra technician ${this.draft().addTechnicians.length + 1}`,
        likeTechnicianId: first?.id ?? '',
        shiftStart: '08:00',
        shiftEnd: '17:00',
      } satisfies TechnicianDraft,
      shiftChanges: {
        technicianId: first?.id ?? '',
        shiftStart: first?.shiftStart || '08:00',
        shiftEnd: first?.shiftEnd || '17:00',
      } satisfies ShiftDraft,
      addJobs: {
        title: 'Urgent job',
        serviceTypeId: '',
        siteId: this.sites()[0]?.id ?? '',
        lat: '',
        lng: '',
        priority: 'EMERGENCY',
        durationMinutes: '',
      } satisfies JobDraft,
      moveJobs: { workOrderId: this.jobs()[0]?.id ?? '', technicianId: '' } satisfies MoveDraft,
    };
    this.draft.update((d) => ({ ...d, [key]: [...d[key], rows[key]] }));
    this.result.set(null);
  }

  protected remove(key: ListKey, index: number): void {
    this.draft.update((d) => ({ ...d, [key]: d[key].filter((_, i) => i !== index) }));
    this.result.set(null);
  }

  protected set<K extends ListKey>(
    key: K,
    index: number,
    field: keyof Row<K>,
    value: string,
  ): void {
    this.draft.update((d) => ({
      ...d,
      [key]: d[key].map((row, i) => (i === index ? { ...row, [field]: value } : row)),
    }));
    this.result.set(null);
  }

  protected setRemoved(ids: string[]): void {
    this.draft.update((d) => ({ ...d, removeTechnicianIds: ids }));
    this.result.set(null);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected reset(): void {
    this.draft.set(emptyScenario());
    this.result.set(null);
    this.error.set(null);
    this.tried.set(false);
  }

  protected async compare(): Promise<void> {
    this.tried.set(true);
    this.error.set(null);
    if (this.errors().length) return;
    this.running.set(true);
    this.result.set(null);
    try {
      const input = scenarioInput(this.draft(), this.day(), this.teamId(), this.budget());
      const res = await firstValueFrom(
        this.gql.fetch({ variables: { input }, fetchPolicy: 'no-cache' }),
      );
      const r = res.data?.whatIfSchedule;
      if (!r) throw res.error ?? new Error('The comparison did not answer');
      this.result.set(r);
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.running.set(false);
    }
  }
}
