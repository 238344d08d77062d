import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule, type MatChipInputEvent } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, map, startWith } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  GuestRuleSettingsGQL,
  ResetGuestRuleSettingsGQL,
  UpdateGuestRuleSettingsGQL,
  type GuestRuleSettingsFieldsFragment,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { ErrorBanner } from '../../shared/error-banner';
import { DateTimePipe } from '../../shared/pipes';
import { buildGuestRulesForm, issuesOf, messageOfControl } from './guest-rules.form';
import {
  controlPathOf,
  FIELD_NAMES,
  formValueOf,
  GUEST_KINDS,
  inputOf,
  KIND_NAMES,
  PROFILE_FIELDS,
  RULE_WRITERS,
  totalWeight,
} from './guest-rules.model';

/** /settings/guest-rules: how guests are scored, checked, enriched and made VIP. */
@Component({
  selector: 'att-guest-rules-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    ErrorBanner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './guest-rules.page.html',
  styleUrl: './guest-rules.page.scss',
})
export class GuestRulesPage implements OnInit {
  private readonly store = inject(SessionStore);
  private readonly gql = inject(GuestRuleSettingsGQL);
  private readonly updateGql = inject(UpdateGuestRuleSettingsGQL);
  private readonly resetGql = inject(ResetGuestRuleSettingsGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);

  protected readonly currency = this.store.user()?.organization?.currency ?? 'EUR';
  protected readonly canEdit = computed(() => this.store.hasAnyRole(RULE_WRITERS));
  protected readonly form = buildGuestRulesForm(inject(FormBuilder));
  protected readonly fieldNames = FIELD_NAMES;
  protected readonly kinds = GUEST_KINDS;
  protected readonly kindNames = KIND_NAMES;
  protected readonly profileFields = PROFILE_FIELDS;

  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly recomputed = signal<number | null>(null);
  protected readonly meta = signal<Pick<
    GuestRuleSettingsFieldsFragment,
    'isDefault' | 'updatedAt'
  > | null>(null);
  protected readonly total = toSignal(
    this.form.controls.completeness.valueChanges.pipe(
      startWith(null),
      map(() => totalWeight(this.form.controls.completeness.getRawValue())),
    ),
    { initialValue: 0 },
  );
  private serverMarked: AbstractControl[] = [];

  ngOnInit(): void {
    void this.load();
  }

  protected errorOf(path: string): string | null {
    const control = this.form.get(path);
    return control && (control.touched || control.hasError('server'))
      ? messageOfControl(control)
      : null;
  }

  protected share(weight: number | null): string {
    const total = this.total();
    return total > 0 && weight ? `${Math.round((weight / total) * 100)} %` : '—';
  }

  protected addClassification(event: MatChipInputEvent): void {
    const value = event.value.trim();
    const control = this.form.controls.vip.controls.classifications;
    if (value && !control.value.includes(value)) {
      control.setValue([...control.value, value]);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected removeClassification(value: string): void {
    const control = this.form.controls.vip.controls.classifications;
    control.setValue(control.value.filter((c) => c !== value));
    control.markAsDirty();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const res = await firstValueFrom(this.gql.fetch({ fetchPolicy: 'network-only' }));
      const settings = res.data?.guestRuleSettings;
      if (!settings) throw res.error ?? new Error('The rules could not be loaded');
      this.apply(settings);
    } catch (err) {
      this.loadError.set(messageOf(err));
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    this.clearServerErrors();
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.formError.set('Some settings need fixing; see the highlighted fields.');
      return;
    }
    const input = inputOf(this.form.getRawValue(), this.currency);
    await this.submit(async () => {
      const res = await firstValueFrom(this.updateGql.mutate({ variables: { input } }));
      if (!res.data?.updateGuestRuleSettings)
        throw res.error ?? new Error('The rules were not saved');
      return res.data.updateGuestRuleSettings;
    });
  }

  protected async resetToDefaults(): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: 'Reset to the default rules?',
      message:
        'Your weights, labels, validation, enrichment and VIP rules are replaced by the defaults, and every guest is scored again.',
      confirm: 'Reset to defaults',
      danger: true,
    });
    if (!ok) return;
    this.clearServerErrors();
    await this.submit(async () => {
      const res = await firstValueFrom(this.resetGql.mutate());
      if (!res.data?.resetGuestRuleSettings)
        throw res.error ?? new Error('The rules were not reset');
      return res.data.resetGuestRuleSettings;
    });
  }

  private async submit(
    save: () => Promise<GuestRuleSettingsFieldsFragment & { recomputedGuests?: number | null }>,
  ): Promise<void> {
    this.saving.set(true);
    this.recomputed.set(null);
    try {
      const saved = await save();
      this.apply(saved);
      const n = saved.recomputedGuests ?? 0;
      this.recomputed.set(n);
      this.snack.open(`Saved · recomputed ${n} ${n === 1 ? 'guest' : 'guests'}`, undefined, {
        duration: 4000,
      });
    } catch (err) {
      this.showServerErrors(err);
    } finally {
      this.saving.set(false);
    }
  }

  private apply(settings: GuestRuleSettingsFieldsFragment): void {
    this.form.reset(formValueOf(settings, this.currency));
    this.meta.set({ isDefault: settings.isDefault, updatedAt: settings.updatedAt });
    if (!this.canEdit()) this.form.disable({ emitEvent: false });
  }

  private clearServerErrors(): void {
    this.formError.set(null);
    for (const control of this.serverMarked) control.updateValueAndValidity({ emitEvent: false });
    this.serverMarked = [];
  }

  /** Each issue under the setting it names; the rest, or a transport failure, above the form. */
  private showServerErrors(err: unknown): void {
    const rest: string[] = [];
    const issues = issuesOf(err);
    for (const issue of issues) {
      const path = controlPathOf(issue.field);
      const control = path ? this.form.get(path) : null;
      if (!control) {
        rest.push(issue.message);
        continue;
      }
      control.setErrors({ ...(control.errors ?? {}), server: issue.message });
      control.markAsTouched();
      this.serverMarked.push(control);
    }
    if (rest.length > 0) this.formError.set(rest.join('; '));
    else if (issues.length > 0)
      this.formError.set('The server refused some settings; see the highlighted fields.');
    else this.formError.set(messageOf(err));
  }
}
