import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { SetVendorAvailabilityGQL, type VendorDetailFragment } from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { DraftList, textOf } from '../shared/draft-list';
import { ErrorBanner } from '../shared/error-banner';
import { WEEKDAYS } from '../shared/weekdays';
import {
  copyWindow,
  hasErrors,
  validateWindows,
  windowDraftsOf,
  windowsInput,
  windowSummary,
  type WindowDraft,
} from './vendor.model';

const WORKWEEK = [1, 2, 3, 4, 5];

/** Weekly windows in which the vendor can come (organization time); no overlaps per day. */
@Component({
  selector: 'att-vendor-availability',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="vendor-availability">
      <mat-card-header>
        <mat-card-title>Availability windows</mat-card-title>
        <mat-card-subtitle>Weekly, in the organization's time zone</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (action.error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="windows-error" />
        }
        @if (canEdit()) {
          @for (d of drafts.items(); track $index; let i = $index) {
            <div class="row" data-testid="vendor-window-row">
              <mat-form-field subscriptSizing="dynamic" class="day">
                <mat-label>Day</mat-label>
                <mat-select
                  [value]="d.weekday"
                  (valueChange)="drafts.patch(i, { weekday: $event })"
                  data-testid="window-weekday"
                >
                  @for (w of weekdays; track w.iso) {
                    <mat-option [value]="w.iso">{{ w.long }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic" class="time">
                <mat-label>From</mat-label>
                <input
                  matInput
                  type="time"
                  [value]="d.start"
                  (input)="drafts.patch(i, { start: text($event) })"
                  data-testid="window-start"
                />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic" class="time">
                <mat-label>Until</mat-label>
                <input
                  matInput
                  type="time"
                  [value]="d.end"
                  (input)="drafts.patch(i, { end: text($event) })"
                  data-testid="window-end"
                />
              </mat-form-field>
              <button
                mat-button
                type="button"
                (click)="copyToWorkweek(d)"
                data-testid="window-copy"
              >
                Copy to Mon–Fri
              </button>
              <button
                mat-button
                type="button"
                class="danger"
                (click)="drafts.removeAt(i)"
                aria-label="Remove this window"
                data-testid="window-remove"
              >
                Remove
              </button>
              @for (e of messages(i); track e) {
                <p class="field-error" role="alert" data-testid="window-error">{{ e }}</p>
              }
            </div>
          } @empty {
            <p class="muted" data-testid="windows-empty">
              No windows: the vendor is treated as available any time.
            </p>
          }
          <p class="hint">An end at midnight (00:00) means until the end of the day.</p>
          <div class="actions">
            <button mat-stroked-button type="button" (click)="add()" data-testid="window-add">
              Add window
            </button>
            <span class="spacer"></span>
            @if (drafts.dirty()) {
              <button mat-button type="button" (click)="reset()" data-testid="windows-reset">
                Discard
              </button>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="!drafts.dirty() || action.busy()"
              (click)="save()"
              data-testid="windows-save"
            >
              Save windows
            </button>
          </div>
        } @else {
          <ul class="read">
            @for (line of summary(); track line) {
              <li data-testid="vendor-window-row">{{ line }}</li>
            } @empty {
              <li class="muted" data-testid="windows-empty">No windows.</li>
            }
          </ul>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './vendor-availability.scss',
})
export class VendorAvailability {
  readonly vendor = input.required<VendorDetailFragment>();
  readonly canEdit = input(false);

  private readonly gql = inject(SetVendorAvailabilityGQL);
  protected readonly weekdays = WEEKDAYS;

  protected readonly drafts = new DraftList<WindowDraft>(() => windowDraftsOf(this.vendor()));
  // Overlaps and reversed times show as soon as they are typed: they are easy to miss.
  private readonly errors = computed(() => validateWindows(this.drafts.items()));
  protected readonly summary = computed(() => windowSummary(this.vendor().availability));
  protected readonly action = new ActionState();
  protected readonly text = textOf;

  protected messages(i: number): string[] {
    return Object.values(this.errors()[i] ?? {});
  }

  protected add(): void {
    const last = this.drafts.items().at(-1);
    const weekday = last ? (last.weekday % 7) + 1 : 1;
    this.drafts.add({ weekday, start: '08:00', end: '17:00' });
  }

  protected copyToWorkweek(d: WindowDraft): void {
    const taken = new Set(
      this.drafts
        .items()
        .filter((o) => o.start === d.start && o.end === d.end)
        .map((o) => o.weekday),
    );
    this.drafts.items.update((list) =>
      copyWindow(
        list,
        d,
        WORKWEEK.filter((day) => !taken.has(day)),
      ),
    );
  }

  protected reset(): void {
    this.drafts.reset();
    this.action.error.set(null);
  }

  protected async save(): Promise<void> {
    this.action.error.set(null);
    if (hasErrors(this.errors())) return;
    await this.action.run(() =>
      firstValueFrom(
        this.gql.mutate({
          variables: { id: this.vendor().id, windows: windowsInput(this.drafts.items()) },
        }),
      ),
    );
  }
}
