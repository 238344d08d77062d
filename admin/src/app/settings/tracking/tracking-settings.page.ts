import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, map } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  AdminTrackingSettingsGQL,
  UpdateTrackingSettingsGQL,
  type TrackingSettingsFieldsFragment,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { applyServerErrors, clearServerErrors, errorOf } from '../form-errors';
import { SETTINGS_WRITERS } from '../settings-list';
import { buildTrackingForm } from './tracking-settings.form';
import { ARRIVAL_OPTIONS, controlOf, formValueOf, inputOf } from './tracking-settings.model';

/** /settings/tracking: how technicians' positions are shared, kept and used. */
@Component({
  selector: 'att-tracking-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tracking-settings.page.html',
  styleUrl: './tracking-settings.page.scss',
})
export class TrackingSettingsPage implements OnInit {
  private readonly store = inject(SessionStore);
  private readonly gql = inject(AdminTrackingSettingsGQL);
  private readonly updateGql = inject(UpdateTrackingSettingsGQL);
  private readonly snack = inject(MatSnackBar);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
  protected readonly form = buildTrackingForm(inject(FormBuilder));
  protected readonly arrivalOptions = ARRIVAL_OPTIONS;
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly saved = signal(false);
  /** Edited since loaded or saved. */
  protected readonly dirty = toSignal(this.form.valueChanges.pipe(map(() => this.form.dirty)), {
    initialValue: false,
  });
  private stored: TrackingSettingsFieldsFragment | null = null;

  ngOnInit(): void {
    void this.load();
  }

  protected errorOf(name: string): string | null {
    return errorOf(this.form.get(name));
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const res = await firstValueFrom(this.gql.fetch({ fetchPolicy: 'network-only' }));
      const settings = res.data?.trackingSettings;
      if (!settings) throw res.error ?? new Error('The tracking settings could not be loaded');
      this.apply(settings);
    } catch (err) {
      this.loadError.set(messageOf(err));
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    this.saved.set(false);
    clearServerErrors(this.form);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.formError.set('Some settings need fixing; see the highlighted fields.');
      return;
    }
    this.saving.set(true);
    try {
      const res = await firstValueFrom(
        this.updateGql.mutate({ variables: { input: inputOf(this.form.getRawValue()) } }),
      );
      const settings = res.data?.updateTrackingSettings;
      if (!settings) throw res.error ?? new Error('The tracking settings were not saved');
      this.apply(settings);
      this.saved.set(true);
      this.snack.open('Tracking settings saved', undefined, { duration: 3000 });
    } catch (err) {
      this.formError.set(applyServerErrors(this.form, err, controlOf));
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    this.formError.set(null);
    if (this.stored) this.apply(this.stored);
  }

  private apply(settings: TrackingSettingsFieldsFragment): void {
    this.stored = settings;
    this.form.reset(formValueOf(settings));
    if (!this.canEdit()) this.form.disable({ emitEvent: false });
  }
}
