import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import {
  RecordConsentGQL,
  type Channel,
  type ConsentLedgerEntryFragment,
  type MessagePurpose,
} from '../../generated/graphql';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import { channelLabel } from '../templates/templates.model';

export interface RecordConsentData {
  address: string;
  channels: readonly Channel[];
}

/** What the dialog closes with: the new record, named for the snack bar. */
export type RecordedConsent = ConsentLedgerEntryFragment & { name: string };

/**
 * A manager records a consent given outside a message, with where it came from. The button says
 * what it does and the dialog repeats the address: this decides what the platform may send.
 */
@Component({
  selector: 'att-record-consent-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../settings-dialog.scss',
  template: `
    <h2 mat-dialog-title>Record an opt-in for {{ data.address }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="consent-form">
      <mat-dialog-content>
        <p class="hint">
          Only record consent the person actually gave. It is kept in the ledger with your name and
          the time, and lets messages of this kind go to the address.
        </p>
        <div class="grid">
          <mat-form-field>
            <mat-label>Channel</mat-label>
            <mat-select formControlName="channel" data-testid="consent-channel">
              @for (c of data.channels; track c) {
                <mat-option [value]="c">{{ label(c) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>For</mat-label>
            <mat-select formControlName="purpose" data-testid="consent-purpose">
              <mat-option [value]="null">Every message</mat-option>
              <mat-option value="TRANSACTIONAL">Transactional only</mat-option>
              <mat-option value="MARKETING">Marketing</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>Source</mat-label>
            <input
              matInput
              formControlName="source"
              placeholder="verbal consent at front desk"
              data-testid="consent-source"
            />
            <mat-hint>How and where the person said yes</mat-hint>
            @if (err('source'); as e) {
              <mat-error data-testid="field-error-source">{{ e }}</mat-error>
            }
          </mat-form-field>
          @if (editor.error(); as e) {
            <p class="error wide" role="alert" data-testid="consent-error-message">{{ e }}</p>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="editor.saving()">
          Cancel
        </button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="editor.saving()"
          data-testid="consent-save"
        >
          {{ editor.saving() ? 'Recording…' : 'Record opt-in' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RecordConsentDialog {
  protected readonly data = inject<RecordConsentData>(MAT_DIALOG_DATA);
  private readonly gql = inject(RecordConsentGQL);
  protected readonly label = channelLabel;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    channel: [this.data.channels[0] ?? ('SMS' as Channel)],
    purpose: [null as MessagePurpose | null],
    source: [
      '',
      [
        Validators.required,
        check<string>((s) =>
          s.trim().length >= 3 && s.trim().length <= 200
            ? null
            : 'Say where it came from in 3 to 200 characters',
        ),
      ],
    ],
  });
  protected readonly editor = new SettingsDialogSave<RecordedConsent>(this.form, (field) =>
    ['channel', 'purpose', 'source'].includes(field) ? field : null,
  );

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const v = this.form.getRawValue();
      const res = await firstValueFrom(
        this.gql.mutate({
          variables: {
            input: {
              channel: v.channel,
              address: this.data.address,
              status: 'OPTED_IN',
              purpose: v.purpose,
              source: v.source.trim(),
            },
          },
        }),
      );
      const record = res.data?.recordConsent;
      if (!record) throw res.error ?? new Error('The consent was not recorded');
      return { ...record, name: `the opt-in for ${this.data.address}` };
    });
  }
}
