import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf, messageOf } from '../../core/errors';
import { ALERT_KIND_LABELS } from '../../alerts/alert-labels';
import {
  SaveAlertRuleGQL,
  type AlertRuleInput,
  type AlertRuleItemFragment,
  type AlertRulesQuery,
  type AlertSeverity,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';

type Staff = AlertRulesQuery['alertStaff'][number];
const ROLES = ['MANAGER', 'DISPATCHER', 'ADMIN', 'TECHNICIAN', 'ANALYST'];
const ARRIVAL_KINDS = ['VIP_ARRIVAL_OPEN_ORDERS', 'LOW_COMPLETENESS_BEFORE_ARRIVAL'];

/** One alert rule: who is told first, how long they have, and who is told next. */
@Component({
  selector: 'att-alert-rule-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (ngSubmit)="save()" [attr.data-testid]="'alert-rule-' + draft().kind">
      <header>
        <h2>{{ title() }}</h2>
        <mat-slide-toggle
          name="enabled"
          [ngModel]="draft().enabled"
          (ngModelChange)="patch({ enabled: $event })"
          >{{ draft().enabled ? 'On' : 'Off' }}</mat-slide-toggle
        >
      </header>
      <div class="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Severity</mat-label>
          <mat-select
            name="severity"
            [ngModel]="draft().severity"
            (ngModelChange)="patch({ severity: $event })"
          >
            @for (s of severities; track s) {
              <mat-option [value]="s">{{ s }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Notify roles</mat-label>
          <mat-select
            multiple
            name="roles"
            [ngModel]="draft().recipientRoles"
            (ngModelChange)="patch({ recipientRoles: $event })"
          >
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ r }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>And these people</mat-label>
          <mat-select
            multiple
            name="people"
            [ngModel]="draft().recipientUserIds"
            (ngModelChange)="patch({ recipientUserIds: $event })"
          >
            @for (s of staff(); track s.userId) {
              <mat-option [value]="s.userId">{{ s.name }}</mat-option>
            } @empty {
              <mat-option disabled>Staff appear here once they have signed in</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (errors()['recipientRoles']; as e) {
        <p class="field-error">{{ e }}</p>
      }
      <div class="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Minutes to acknowledge</mat-label>
          <input
            matInput
            type="number"
            min="1"
            max="1440"
            name="timeout"
            [ngModel]="draft().ackTimeoutMinutes"
            (ngModelChange)="patch({ ackTimeoutMinutes: +$event })"
          />
        </mat-form-field>
        @if (arrival()) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Check hours before arrival</mat-label>
            <input
              matInput
              type="number"
              min="1"
              max="168"
              name="lead"
              [ngModel]="draft().leadHours"
              (ngModelChange)="patch({ leadHours: +$event })"
            />
          </mat-form-field>
        }
        @if (draft().kind === 'LOW_COMPLETENESS_BEFORE_ARRIVAL') {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Alert below completeness (%)</mat-label>
            <input
              matInput
              type="number"
              min="1"
              max="100"
              name="threshold"
              [ngModel]="draft().threshold"
              (ngModelChange)="patch({ threshold: +$event })"
            />
          </mat-form-field>
        }
      </div>
      <div class="chain">
        <span class="label">Escalation chain</span>
        <ol>
          @for (id of draft().escalationUserIds; track id; let i = $index) {
            <li>
              {{ nameOf(id) }}
              <button
                mat-button
                type="button"
                (click)="removeStep(i)"
                [attr.aria-label]="'Remove ' + nameOf(id)"
              >
                Remove
              </button>
            </li>
          }
          @if (draft().escalateToManagers) {
            <li>Every manager</li>
          }
        </ol>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Add next person</mat-label>
          <mat-select name="addStep" [ngModel]="null" (ngModelChange)="addStep($event)">
            @for (s of chainCandidates(); track s.userId) {
              <mat-option [value]="s.userId">{{ s.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-checkbox
          name="managers"
          [ngModel]="draft().escalateToManagers"
          (ngModelChange)="patch({ escalateToManagers: $event })"
          >Then every manager</mat-checkbox
        >
      </div>
      @if (error(); as e) {
        <att-error-banner [message]="e" [retryLabel]="null" />
      }
      <div class="actions">
        @if (saved()) {
          <span role="status" class="saved">Saved</span>
        }
        <button mat-flat-button type="submit" [disabled]="saving()">Save</button>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px 16px;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .row {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      margin: 12px 0;
    }
    .chain ol {
      margin: 4px 0 8px;
    }
    .label {
      font: var(--mat-sys-label-large);
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0;
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
export class AlertRuleEditor {
  private readonly saveGql = inject(SaveAlertRuleGQL);
  readonly rule = input.required<AlertRuleItemFragment>();
  readonly staff = input.required<readonly Staff[]>();
  protected readonly severities: AlertSeverity[] = ['CRITICAL', 'WARNING', 'INFO'];
  protected readonly roles = ROLES;
  protected readonly draft = signal<AlertRuleInput>(inputOf(null));
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly title = computed(() => ALERT_KIND_LABELS[this.draft().kind]);
  protected readonly arrival = computed(() => ARRIVAL_KINDS.includes(this.draft().kind));
  protected readonly chainCandidates = computed(() =>
    this.staff().filter((s) => !this.draft().escalationUserIds.includes(s.userId)),
  );

  constructor() {
    effect(() => this.draft.set(inputOf(this.rule())));
  }

  protected nameOf(userId: string | number): string {
    return this.staff().find((s) => s.userId === userId)?.name ?? 'Unknown user';
  }

  protected patch(change: Partial<AlertRuleInput>): void {
    this.saved.set(false);
    this.draft.update((d) => ({ ...d, ...change }));
  }

  protected addStep(userId: string | null): void {
    if (userId) this.patch({ escalationUserIds: [...this.draft().escalationUserIds, userId] });
  }

  protected removeStep(index: number): void {
    this.patch({ escalationUserIds: this.draft().escalationUserIds.filter((_, i) => i !== index) });
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    this.errors.set({});
    try {
      const r = await firstValueFrom(this.saveGql.mutate({ variables: { input: this.draft() } }));
      this.draft.set(inputOf(r.data!.saveAlertRule));
      this.saved.set(true);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      this.errors.set(fields);
      this.error.set(messageOf(error));
    } finally {
      this.saving.set(false);
    }
  }
}

function inputOf(rule: AlertRuleItemFragment | null): AlertRuleInput {
  return {
    kind: rule?.kind ?? 'SLA_AT_RISK',
    enabled: rule?.enabled ?? true,
    severity: rule?.severity ?? 'WARNING',
    recipientRoles: [...(rule?.recipientRoles ?? [])],
    recipientUserIds: [...(rule?.recipientUserIds ?? [])],
    ackTimeoutMinutes: rule?.ackTimeoutMinutes ?? 15,
    escalationUserIds: [...(rule?.escalationUserIds ?? [])],
    escalateToManagers: rule?.escalateToManagers ?? true,
    leadHours: rule?.leadHours ?? 24,
    threshold: rule?.threshold ?? 60,
  };
}
