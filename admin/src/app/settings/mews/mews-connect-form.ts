import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf, messageOf } from '../../core/errors';
import {
  ConnectMewsGQL,
  MewsSettingsDocument,
  type MewsConnectionFieldsFragment,
} from '../../generated/graphql';
import { connectInputOf } from './mews.model';

type Field = 'baseUrl' | 'webSocketUrl' | 'clientToken' | 'accessToken' | 'pollIntervalSeconds';

const LABEL: Record<Field, string> = {
  baseUrl: 'API base URL',
  webSocketUrl: 'WebSocket URL',
  clientToken: 'Client token',
  accessToken: 'Access token',
  pollIntervalSeconds: 'Poll interval',
};

/** The Mews tokens and addresses; Connect tests them on the server before anything is stored. */
@Component({
  selector: 'att-mews-connect-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="connect()" novalidate data-testid="mews-connect-form">
      @if (serverError(); as message) {
        <div class="server-error" role="alert" data-testid="mews-connect-error">{{ message }}</div>
      }
      <div class="grid">
        <mat-form-field class="wide">
          <mat-label>{{ label.baseUrl }}</mat-label>
          <input
            matInput
            formControlName="baseUrl"
            placeholder="https://api.mews-demo.com"
            autocomplete="url"
            data-testid="mews-base-url"
          />
          <mat-error data-testid="field-error-baseUrl">{{ errorOf('baseUrl') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ label.webSocketUrl }} (optional)</mat-label>
          <input
            matInput
            formControlName="webSocketUrl"
            placeholder="wss://ws.mews-demo.com"
            data-testid="mews-ws-url"
          />
          <mat-hint>Live updates; without it changes arrive with the next poll</mat-hint>
          <mat-error data-testid="field-error-webSocketUrl">{{
            errorOf('webSocketUrl')
          }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ label.clientToken }}</mat-label>
          <input
            matInput
            formControlName="clientToken"
            autocomplete="off"
            data-testid="mews-client-token"
          />
          <mat-error data-testid="field-error-clientToken">{{ errorOf('clientToken') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ label.accessToken }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="accessToken"
            autocomplete="new-password"
            data-testid="mews-access-token"
          />
          <mat-error data-testid="field-error-accessToken">{{ errorOf('accessToken') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ label.pollIntervalSeconds }} (seconds)</mat-label>
          <input
            matInput
            type="number"
            min="10"
            max="3600"
            formControlName="pollIntervalSeconds"
            data-testid="mews-poll-interval"
          />
          <mat-hint>How often changes are fetched as a safety net, 10–3600</mat-hint>
          <mat-error data-testid="field-error-pollIntervalSeconds">{{
            errorOf('pollIntervalSeconds')
          }}</mat-error>
        </mat-form-field>
      </div>
      <div class="actions">
        @if (cancellable()) {
          <button mat-button type="button" (click)="cancelled.emit()" [disabled]="busy()">
            Cancel
          </button>
        }
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="mews-connect">
          @if (busy()) {
            <mat-spinner diameter="18" class="spinner" />
          }
          {{ busy() ? 'Testing the tokens…' : 'Connect' }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
      gap: 8px 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .server-error {
      padding: 10px 16px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
    .spinner {
      display: inline-block;
      margin-right: 8px;
      vertical-align: middle;
    }
  `,
})
export class MewsConnectForm implements OnInit {
  /** Prefills the addresses (reconnecting with new tokens). */
  readonly initial = input<Pick<
    MewsConnectionFieldsFragment,
    'baseUrl' | 'webSocketUrl' | 'pollIntervalSeconds'
  > | null>(null);
  readonly cancellable = input(false);
  readonly connected = output<MewsConnectionFieldsFragment>();
  readonly cancelled = output<void>();

  private readonly gql = inject(ConnectMewsGQL);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly label = LABEL;
  protected readonly busy = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly form = this.fb.group({
    baseUrl: ['', [Validators.required, Validators.pattern(/^\s*https?:\/\/\S+\s*$/i)]],
    webSocketUrl: ['', Validators.pattern(/^\s*wss?:\/\/\S+\s*$/i)],
    clientToken: ['', [Validators.required, Validators.pattern(/\S/)]],
    accessToken: ['', [Validators.required, Validators.pattern(/\S/)]],
    pollIntervalSeconds: this.fb.control<number | null>(60, [
      Validators.required,
      Validators.min(10),
      Validators.max(3600),
      Validators.pattern(/^\d+$/),
    ]),
  });

  ngOnInit(): void {
    const initial = this.initial();
    if (initial)
      this.form.patchValue({
        baseUrl: initial.baseUrl,
        webSocketUrl: initial.webSocketUrl ?? '',
        pollIntervalSeconds: initial.pollIntervalSeconds,
      });
  }

  protected errorOf(field: Field): string {
    const e = this.form.controls[field].errors;
    if (!e) return '';
    if (e['server']) return e['server'] as string;
    if (e['required']) return `${LABEL[field]} is required`;
    if (field === 'baseUrl') return 'Enter an http:// or https:// URL';
    if (field === 'webSocketUrl') return 'Enter a ws:// or wss:// URL';
    if (field === 'pollIntervalSeconds') return 'Enter whole seconds between 10 and 3600';
    return `${LABEL[field]} is required`;
  }

  protected async connect(): Promise<void> {
    this.serverError.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.busy.set(true);
    try {
      const res = await firstValueFrom(
        this.gql.mutate({
          variables: { input: connectInputOf(this.form.getRawValue()) },
          // The page reads the connection from MewsSettings: show it (and its import) at once.
          update: (cache, { data }) => {
            if (data?.connectMews)
              cache.writeQuery({
                query: MewsSettingsDocument,
                data: { mewsConnection: data.connectMews },
              });
          },
        }),
      );
      const connection = res.data?.connectMews;
      if (!connection) throw res.error ?? new Error('Mews did not answer');
      this.form.controls.accessToken.reset('');
      this.connected.emit(connection);
    } catch (err) {
      this.showError(err);
    } finally {
      this.busy.set(false);
    }
  }

  /** Field errors go under their field; anything else (Mews said no) above the form. */
  private showError(err: unknown): void {
    const rest: string[] = [];
    for (const [field, message] of Object.entries(fieldErrorsOf(err))) {
      const control = this.form.get(field);
      if (control) {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
      } else rest.push(message);
    }
    if (rest.length > 0) this.serverError.set(rest.join('; '));
    else if (Object.keys(fieldErrorsOf(err)).length === 0) this.serverError.set(messageOf(err));
  }
}
