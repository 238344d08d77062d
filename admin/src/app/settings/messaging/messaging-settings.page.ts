import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, map } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  AdminMessagingSettingsGQL,
  UpdateMessagingSettingsGQL,
  type MessagingSettingsFieldsFragment,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { applyServerErrors, check, clearServerErrors, errorOf } from '../form-errors';
import { SETTINGS_WRITERS } from '../settings-list';
import { timeZones } from '../sla/sla.model';
import { TimeZoneField } from '../sla/time-zone-field';
import { ConsentLookup } from './consent-lookup';
import {
  HELP_MAX,
  MESSAGING_SERVICE,
  messagingControlOf,
  messagingFormValueOf,
  messagingInputOf,
  phoneProblem,
  quietHoursSummary,
} from './messaging-settings.model';

/** /settings/messaging: SMS and WhatsApp senders, help text, quiet hours, and consent. */
@Component({
  selector: 'att-messaging-settings-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    ErrorBanner,
    TimeZoneField,
    ConsentLookup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './messaging-settings.page.html',
  styleUrl: '../tracking/tracking-settings.page.scss',
  styles: `
    .wide {
      grid-column: 1 / -1;
    }
    att-consent-lookup {
      display: block;
      margin-top: 24px;
    }
  `,
})
export class MessagingSettingsPage implements OnInit {
  private readonly store = inject(SessionStore);
  private readonly gql = inject(AdminMessagingSettingsGQL);
  private readonly updateGql = inject(UpdateMessagingSettingsGQL);
  private readonly snack = inject(MatSnackBar);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
  protected readonly helpMax = HELP_MAX;
  protected readonly orgField = '{{organization.name}}';
  protected readonly zones = timeZones([]);
  protected readonly form = this.build();
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly stored = signal<MessagingSettingsFieldsFragment | null>(null);
  protected readonly summary = computed(() => {
    const s = this.stored();
    return s ? quietHoursSummary(s) : '';
  });
  protected readonly dirty = toSignal(this.form.valueChanges.pipe(map(() => this.form.dirty)), {
    initialValue: false,
  });
  protected readonly quiet = toSignal(this.form.controls.quietEnabled.valueChanges, {
    initialValue: false,
  });

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
      const settings = res.data?.messagingSettings;
      if (!settings) throw res.error ?? new Error('The messaging settings could not be loaded');
      this.apply(settings);
    } catch (err) {
      this.loadError.set(messageOf(err));
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    clearServerErrors(this.form);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.formError.set('Some settings need fixing; see the highlighted fields.');
      return;
    }
    this.saving.set(true);
    try {
      const res = await firstValueFrom(
        this.updateGql.mutate({
          variables: { input: messagingInputOf(this.form.getRawValue()) },
        }),
      );
      const settings = res.data?.updateMessagingSettings;
      if (!settings) throw res.error ?? new Error('The messaging settings were not saved');
      this.apply(settings);
      this.snack.open('Messaging settings saved', undefined, { duration: 3000 });
    } catch (err) {
      this.formError.set(applyServerErrors(this.form, err, messagingControlOf));
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    this.formError.set(null);
    const s = this.stored();
    if (s) this.apply(s);
  }

  private apply(settings: MessagingSettingsFieldsFragment): void {
    this.stored.set(settings);
    this.form.reset(messagingFormValueOf(settings));
    if (!this.canEdit()) this.form.disable({ emitEvent: false });
  }

  private build() {
    const nn = inject(FormBuilder).nonNullable;
    const phone = check<string>(phoneProblem);
    const time = check<string>((s) =>
      /^([01]\d|2[0-3]):[0-5]\d$/.test(s) ? null : 'Give a time like 21:00',
    );
    return nn.group({
      fromNumber: ['', phone],
      messagingServiceSid: [
        '',
        check<string>((s) =>
          !s.trim() || MESSAGING_SERVICE.test(s.trim())
            ? null
            : 'A messaging service id is MG followed by 32 hex digits',
        ),
      ],
      whatsappFrom: ['', phone],
      helpText: ['', [Validators.required, Validators.maxLength(HELP_MAX)]],
      quietEnabled: [false],
      quietStart: ['21:00', time],
      quietEnd: ['08:00', time],
      timeZone: ['UTC', Validators.required],
      senderName: ['', Validators.maxLength(100)],
      defaultLanguage: ['en', Validators.required],
    });
  }
}
