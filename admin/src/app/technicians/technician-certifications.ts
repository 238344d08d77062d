import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf, messageOf } from '../core/errors';
import {
  AddTechnicianCertificationGQL,
  RemoveTechnicianCertificationGQL,
  type TechnicianDetailFragment,
} from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import type { FieldErrors } from '../shared/form-rules';
import { DateTimePipe } from '../shared/pipes';
import {
  certificationInput,
  certificationState,
  validateCertification,
  type CertificationFormValue,
} from './technician.model';

type Certification = TechnicianDetailFragment['certifications'][number];

const STATE_LABEL = {
  expired: 'Expired',
  expiring: 'Expires soon',
  valid: 'Valid',
  permanent: 'No expiry',
} as const;

/** Certifications, soonest to expire first: expired in red, expiring within 30 days in amber. */
@Component({
  selector: 'att-technician-certifications',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="technician-certifications-card">
      <mat-card-header><mat-card-title>Certifications</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (action.error(); as message) {
          <att-error-banner
            [message]="message"
            [retryLabel]="null"
            data-testid="certification-error"
          />
        }
        <ul class="certs">
          @for (c of certifications(); track c.id) {
            <li
              [class]="'cert ' + state(c)"
              [attr.data-state]="state(c)"
              [attr.data-testid]="'certification-row-' + c.id"
            >
              <div class="what">
                <span class="name">{{ c.name }}</span>
                <span class="dates">
                  @if (c.issuedOn) {
                    issued {{ c.issuedOn | dateTime: 'date' }} ·
                  }
                  @if (c.expiresOn) {
                    valid until {{ c.expiresOn | dateTime: 'date' }}
                  } @else {
                    does not expire
                  }
                </span>
              </div>
              <span class="badge" data-testid="certification-state">{{ label(c) }}</span>
              @if (canEdit()) {
                <button
                  mat-button
                  type="button"
                  class="danger"
                  [disabled]="action.busy()"
                  (click)="remove(c)"
                  [attr.aria-label]="'Remove ' + c.name"
                  data-testid="certification-remove"
                >
                  Remove
                </button>
              }
            </li>
          } @empty {
            <li class="muted" data-testid="certifications-empty">No certifications recorded.</li>
          }
        </ul>

        @if (canEdit()) {
          <form
            [formGroup]="form"
            class="add"
            (ngSubmit)="add()"
            novalidate
            data-testid="certification-form"
          >
            <mat-form-field subscriptSizing="dynamic" class="grow">
              <mat-label>Certification</mat-label>
              <input
                matInput
                formControlName="name"
                maxlength="80"
                placeholder="e.g. Gas safety licence"
                data-testid="certification-name"
              />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Issued on</mat-label>
              <input
                matInput
                type="date"
                formControlName="issuedOn"
                data-testid="certification-issuedOn"
              />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Expires on</mat-label>
              <input
                matInput
                type="date"
                formControlName="expiresOn"
                data-testid="certification-expiresOn"
              />
            </mat-form-field>
            <button
              mat-stroked-button
              type="submit"
              [disabled]="action.busy()"
              data-testid="certification-add"
            >
              Add
            </button>
            @for (e of formErrors(); track e) {
              <p class="field-error" role="alert" data-testid="certification-field-error">
                {{ e }}
              </p>
            }
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .certs {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 8px;
      margin-bottom: 4px;
      border-radius: 8px;
      border-left: 4px solid transparent;
    }
    li.expired {
      background: #ffdad6;
      border-left-color: #b3261e;
      color: #8c1d18;
    }
    li.expiring {
      background: #ffe8c2;
      border-left-color: #c77700;
      color: #7a4300;
    }
    .what {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
    }
    .name {
      font-weight: 500;
    }
    .dates {
      font: var(--mat-sys-body-small);
    }
    .badge {
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .add {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
    .grow {
      flex: 1 1 200px;
    }
    .field-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TechnicianCertifications {
  readonly technicianId = input.required<string>();
  readonly certifications = input.required<readonly Certification[]>();
  readonly canEdit = input(false);
  /** A certification was added or removed. */
  readonly changed = output<void>();

  private readonly dialog = inject(MatDialog);
  private readonly addGql = inject(AddTechnicianCertificationGQL);
  private readonly removeGql = inject(RemoveTechnicianCertificationGQL);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: '',
    issuedOn: '',
    expiresOn: '',
  });
  protected readonly action = new ActionState();
  protected readonly formErrors = signal<string[]>([]);

  protected readonly state = (c: Certification) => certificationState(c);
  protected readonly label = (c: Certification) => STATE_LABEL[certificationState(c)];

  protected async add(): Promise<void> {
    const value: CertificationFormValue = this.form.getRawValue();
    const errors: FieldErrors<keyof CertificationFormValue> = validateCertification(value);
    this.formErrors.set(Object.values(errors));
    this.action.error.set(null);
    if (Object.keys(errors).length > 0) return;
    this.action.busy.set(true);
    try {
      await firstValueFrom(
        this.addGql.mutate({
          variables: { technicianId: this.technicianId(), input: certificationInput(value) },
        }),
      );
      this.form.reset();
      this.changed.emit();
    } catch (err) {
      const fields = Object.values(fieldErrorsOf(err));
      if (fields.length) this.formErrors.set(fields);
      else this.action.error.set(messageOf(err));
    } finally {
      this.action.busy.set(false);
    }
  }

  protected async remove(c: Certification): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Remove ${c.name}?`,
      message: 'The technician will no longer count as holding this certification.',
      confirm: 'Remove',
      danger: true,
    });
    if (!confirmed) return;
    await this.action.run(async () => {
      await firstValueFrom(this.removeGql.mutate({ variables: { id: c.id } }));
      this.changed.emit();
    });
  }
}
