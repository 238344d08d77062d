import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom, map } from 'rxjs';
import {
  MaintenanceCreatePlanGQL,
  MaintenanceOptionsGQL,
  MaintenanceSitesGQL,
  MaintenanceUpdatePlanGQL,
  type MaintenancePlanFieldsFragment,
  type MaintenanceSitesQuery,
  type MaintenanceSitesQueryVariables,
  type WorkOrderPriority,
} from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import { PRIORITIES } from '../sla/sla.model';
import {
  ASSET_MAX,
  hasTarget,
  INTERVAL_MAX,
  LEAD_MAX,
  NAME_MAX,
  NAME_MIN,
  planControlOf,
  planFormValueOf,
  planInputOf,
  todayIso,
  type PlanFormValue,
  type ScheduleMode,
} from './maintenance.model';
import { ruleGroup, ScheduleEditor } from './schedule-editor';
import { SitePicker, type SiteOption } from './site-picker';

export interface MaintenancePlanDialogData {
  /** Null to create a new plan. */
  plan: MaintenancePlanFieldsFragment | null;
}

const whole = check<number | null>((n) =>
  n == null || Number.isInteger(n) ? null : 'A whole number',
);
const MAX_SITE_PAGES = 5;

/** Creates or edits a maintenance plan; closes with the saved plan. */
@Component({
  selector: 'att-maintenance-plan-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    HumanizePipe,
    ScheduleEditor,
    SitePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './maintenance-plan.dialog.html',
  styleUrl: '../settings-dialog.scss',
})
export class MaintenancePlanDialog {
  protected readonly data = inject<MaintenancePlanDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(MaintenanceCreatePlanGQL);
  private readonly updateGql = inject(MaintenanceUpdatePlanGQL);
  private readonly sitesGql = inject(MaintenanceSitesGQL);

  protected readonly priorities = PRIORITIES;
  protected readonly leadMax = LEAD_MAX;
  protected readonly form = this.build(planFormValueOf(this.data.plan, todayIso()));
  protected readonly editor = new SettingsDialogSave<MaintenancePlanFieldsFragment>(
    this.form,
    planControlOf,
  );

  private readonly options = toSignal(
    inject(MaintenanceOptionsGQL)
      .fetch({ fetchPolicy: 'network-only' })
      .pipe(map((r) => r.data ?? null)),
    { initialValue: null },
  );
  /** Active types, plus the plan's own (it may have been archived since). */
  protected readonly serviceTypes = computed(() =>
    withOwn(this.options()?.serviceTypes, this.data.plan?.serviceType),
  );
  protected readonly rooms = computed(() => withOwn(this.options()?.rooms, this.data.plan?.room));
  protected readonly teams = computed(() => withOwn(this.options()?.teams, this.data.plan?.team));
  protected readonly technicians = computed(() =>
    withOwn(this.options()?.technicians.nodes, this.data.plan?.technician),
  );
  protected readonly sites = signal<SiteOption[]>(
    this.data.plan?.site ? [this.data.plan.site] : [],
  );
  protected readonly sitesLoading = signal(true);
  private readonly status = toSignal(this.form.statusChanges, { initialValue: this.form.status });
  protected readonly targetError = computed(() => {
    this.status();
    return this.editor.submitted()
      ? ((this.form.errors?.['message'] as string | undefined) ?? null)
      : null;
  });

  constructor() {
    const mode = this.form.controls.mode;
    mode.valueChanges.subscribe((m) => this.syncMode(m));
    this.syncMode(mode.value);
    void this.loadSites();
  }

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const input = planInputOf(this.form.getRawValue());
      const id = this.data.plan?.id;
      const res = id
        ? await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }))
        : await firstValueFrom(this.createGql.mutate({ variables: { input } }));
      const data = res.data as
        | {
            updateMaintenancePlan?: MaintenancePlanFieldsFragment;
            createMaintenancePlan?: MaintenancePlanFieldsFragment;
          }
        | null
        | undefined;
      const saved = data?.updateMaintenancePlan ?? data?.createMaintenancePlan;
      if (!saved) throw res.error ?? new Error('The plan was not saved');
      return saved;
    });
  }

  /** Only the chosen kind of schedule is checked. */
  private syncMode(mode: ScheduleMode): void {
    const { intervalDays, rule } = this.form.controls;
    if (mode === 'rule') {
      intervalDays.disable({ emitEvent: false });
      rule.enable({ emitEvent: false });
    } else {
      intervalDays.enable({ emitEvent: false });
      rule.disable({ emitEvent: false });
    }
    this.form.updateValueAndValidity();
  }

  /** Sites have no search on the server: the first pages are loaded and filtered here. */
  private async loadSites(): Promise<void> {
    const all = new Map(this.sites().map((s) => [s.id, s]));
    let after: string | null = null;
    try {
      for (let page = 0; page < MAX_SITE_PAGES; page++) {
        const variables: MaintenanceSitesQueryVariables = { after };
        const res = await firstValueFrom(this.sitesGql.fetch({ variables }));
        const sites: MaintenanceSitesQuery['sites'] | undefined = res.data?.sites;
        if (!sites) break;
        for (const s of sites.nodes) all.set(s.id, s);
        this.sites.set([...all.values()]);
        if (!sites.pageInfo.hasNextPage || !sites.pageInfo.endCursor) break;
        after = sites.pageInfo.endCursor;
      }
    } catch {
      // Without the list, the plan's own site stays choosable; the rest of the form works.
    } finally {
      this.sitesLoading.set(false);
    }
  }

  private build(v: PlanFormValue) {
    const nn = this.fb.nonNullable;
    return nn.group(
      {
        name: [
          v.name,
          [
            Validators.required,
            check<string>((s) => {
              const n = s.trim().replace(/\s+/g, ' ');
              return n.length >= NAME_MIN && n.length <= NAME_MAX
                ? null
                : `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`;
            }),
          ],
        ],
        serviceTypeId: [v.serviceTypeId, Validators.required],
        priority: nn.control<WorkOrderPriority>(v.priority),
        mode: nn.control<ScheduleMode>(v.mode),
        intervalDays: nn.control<number | null>(v.intervalDays, [
          Validators.required,
          Validators.min(1),
          Validators.max(INTERVAL_MAX),
          whole,
        ]),
        rule: ruleGroup(this.fb, v.rule),
        startsOn: [v.startsOn, [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)]],
        leadDays: nn.control<number | null>(v.leadDays, [
          Validators.required,
          Validators.min(0),
          Validators.max(LEAD_MAX),
          whole,
        ]),
        asset: [v.asset, Validators.maxLength(ASSET_MAX)],
        roomId: nn.control<string | null>(v.roomId),
        siteId: nn.control<string | null>(v.siteId),
        technicianId: nn.control<string | null>(v.technicianId),
        teamId: nn.control<string | null>(v.teamId),
      },
      {
        validators: check<PlanFormValue>((p) =>
          hasTarget(p) ? null : 'Say what is maintained: an asset, a room or a site',
        ),
      },
    );
  }
}

/** The options, with the edited plan's current choice kept even when it is not listed. */
function withOwn<T extends { id: string }>(
  list: readonly T[] | undefined,
  own: T | null | undefined,
): T[] {
  const all = [...(list ?? [])];
  if (own && !all.some((o) => o.id === own.id)) all.unshift(own);
  return all;
}
