import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf, messageOf } from '../core/errors';
import {
  NotificationPreferencesGQL,
  UpdateNotificationPreferencesGQL,
  type Channel,
  type PreferencesFragment,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { fromTimeInput, toTimeInput } from '../shared/time-of-day';

type Level = 'infoChannels' | 'warningChannels' | 'criticalChannels';
const LEVELS: { key: Level; label: string }[] = [
  { key: 'criticalChannels', label: 'Critical' },
  { key: 'warningChannels', label: 'Warning' },
  { key: 'infoChannels', label: 'Info' },
];
const EXTRA: { channel: Channel; label: string }[] = [
  { channel: 'EMAIL', label: 'Email' },
  { channel: 'SMS', label: 'SMS' },
];

/** /notification-preferences: how the signed-in user wants alerts beyond the bell. */
@Component({
  selector: 'att-notification-preferences',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Notification preferences</h1>
    <p class="lead">
      Every alert routed to you appears under the bell. Choose where else it reaches you, by
      severity.
    </p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    } @else if (loadError(); as error) {
      <att-error-banner [message]="error" retryLabel="Retry" (retry)="load()" />
    } @else {
      <form (ngSubmit)="save()" class="form" data-testid="preferences-form">
        <table class="matrix">
          <thead>
            <tr>
              <th>Severity</th>
              <th>In the app</th>
              @for (e of extra; track e.channel) {
                <th>{{ e.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (l of levels; track l.key) {
              <tr>
                <td>{{ l.label }}</td>
                <td>
                  <mat-checkbox [checked]="true" [disabled]="true" aria-label="Always in the app" />
                </td>
                @for (e of extra; track e.channel) {
                  <td>
                    <mat-checkbox
                      [checked]="has(l.key, e.channel)"
                      (change)="toggle(l.key, e.channel, $event.checked)"
                      [attr.data-testid]="'pref-' + l.key + '-' + e.channel"
                      [aria-label]="l.label + ' by ' + e.label"
                    />
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
        <div class="row">
          <mat-form-field>
            <mat-label>Phone for SMS</mat-label>
            <input matInput name="phone" [(ngModel)]="phone" placeholder="+15551234567" />
            @if (errors()['phone']; as e) {
              <mat-hint class="error-hint">{{ e }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Email (default: your sign-in email)</mat-label>
            <input matInput name="email" [(ngModel)]="email" />
            @if (errors()['email']; as e) {
              <mat-hint class="error-hint">{{ e }}</mat-hint>
            }
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field>
            <mat-label>Quiet hours from</mat-label>
            <input matInput type="time" name="quietFrom" [(ngModel)]="quietFrom" />
            @if (errors()['quietHoursStart']; as e) {
              <mat-hint class="error-hint">{{ e }}</mat-hint>
            } @else {
              <mat-hint>Only critical alerts go out by SMS or email then</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>Quiet hours until</mat-label>
            <input matInput type="time" name="quietTo" [(ngModel)]="quietTo" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>Time zone</mat-label>
            <input matInput name="timeZone" [(ngModel)]="timeZone" placeholder="Europe/Prague" />
            @if (errors()['timeZone']; as e) {
              <mat-hint class="error-hint">{{ e }}</mat-hint>
            }
          </mat-form-field>
        </div>
        @if (formError(); as error) {
          <att-error-banner [message]="error" [retryLabel]="null" />
        }
        <div class="actions">
          @if (saved()) {
            <span class="saved" role="status">Saved</span>
          }
          <button
            mat-flat-button
            type="submit"
            [disabled]="saving()"
            data-testid="preferences-save"
          >
            Save
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
    }
    .lead {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .form {
      max-width: 760px;
    }
    .matrix {
      border-collapse: collapse;
      margin-bottom: 16px;
    }
    .matrix th,
    .matrix td {
      padding: 4px 16px;
      text-align: left;
    }
    .row {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
    .error-hint {
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      gap: 12px;
      align-items: center;
      justify-content: flex-end;
    }
    .saved {
      color: var(--mat-sys-primary);
    }
  `,
})
export class NotificationPreferencesPage implements OnInit {
  private readonly query = inject(NotificationPreferencesGQL);
  private readonly update = inject(UpdateNotificationPreferencesGQL);
  protected readonly levels = LEVELS;
  protected readonly extra = EXTRA;
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  private readonly channels = signal<Record<Level, Channel[]>>({
    infoChannels: [],
    warningChannels: [],
    criticalChannels: [],
  });
  protected phone = '';
  protected email = '';
  protected quietFrom = '';
  protected quietTo = '';
  protected timeZone = 'UTC';

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const r = await firstValueFrom(this.query.fetch({ fetchPolicy: 'network-only' }));
      this.apply(r.data!.notificationPreferences);
    } catch (error) {
      this.loadError.set(messageOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected has(level: Level, channel: Channel): boolean {
    return this.channels()[level].includes(channel);
  }

  protected toggle(level: Level, channel: Channel, on: boolean): void {
    this.saved.set(false);
    this.channels.update((c) => ({
      ...c,
      [level]: on ? [...c[level], channel] : c[level].filter((x) => x !== channel),
    }));
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.saved.set(false);
    this.formError.set(null);
    this.errors.set({});
    try {
      const r = await firstValueFrom(
        this.update.mutate({
          variables: {
            input: {
              ...this.channels(),
              phone: this.phone.trim() || null,
              email: this.email.trim() || null,
              quietHoursStart: fromTimeInput(this.quietFrom),
              quietHoursEnd: fromTimeInput(this.quietTo),
              timeZone: this.timeZone.trim() || 'UTC',
            },
          },
        }),
      );
      this.apply(r.data!.updateNotificationPreferences);
      this.saved.set(true);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      this.errors.set(fields);
      if (Object.keys(fields).length === 0) this.formError.set(messageOf(error));
    } finally {
      this.saving.set(false);
    }
  }

  private apply(p: PreferencesFragment): void {
    this.channels.set({
      infoChannels: [...p.infoChannels],
      warningChannels: [...p.warningChannels],
      criticalChannels: [...p.criticalChannels],
    });
    this.phone = p.phone ?? '';
    this.email = p.email ?? '';
    this.quietFrom = toTimeInput(p.quietHoursStart);
    this.quietTo = toTimeInput(p.quietHoursEnd);
    this.timeZone = p.timeZone;
  }
}
