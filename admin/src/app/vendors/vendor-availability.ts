import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { SetVendorAvailabilityGQL, type VendorDetailFragment } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { WEEKDAYS } from '../technicians/schedule.model';
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
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
        @if (error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="windows-error" />
        }
        @if (canEdit()) {
          @for (d of drafts(); track $index; let i = $index) {
            <div class="row" data-testid="vendor-window-row">
              <mat-form-field subscriptSizing="dynamic" class="day">
                <mat-label>Day</mat-label>
                <mat-select
                  [value]="d.weekday"
                  (valueChange)="patch(i, { weekday: $event })"
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
                  (input)="patch(i, { start: text($event) })"
                  data-testid="window-start"
                />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic" class="time">
                <mat-label>Until</mat-label>
                <input
                  matInput
                  type="time"
                  [value]="d.end"
                  (input)="patch(i, { end: text($event) })"
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
                (click)="remove(i)"
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
            @if (dirty()) {
              <button mat-button type="button" (click)="reset()" data-testid="windows-reset">
                Discard
              </button>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="!dirty() || busy()"
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
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .day {
      flex: 1 1 150px;
    }
    .time {
      flex: 0 1 130px;
    }
    .field-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
    .spacer {
      flex: 1;
    }
    .read {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .read li {
      padding: 4px 0;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class VendorAvailability {
  readonly vendor = input.required<VendorDetailFragment>();
  readonly canEdit = input(false);

  private readonly gql = inject(SetVendorAvailabilityGQL);
  protected readonly weekdays = WEEKDAYS;

  // Compared by value: saving the other editor returns a new vendor but keeps these edits.
  private readonly stored = computed(() => windowDraftsOf(this.vendor()), { equal: sameJson });
  protected readonly drafts = linkedSignal<WindowDraft[]>(() => this.stored());
  protected readonly dirty = computed(() => !sameJson(this.drafts(), this.stored()));
  // Overlaps and reversed times show as soon as they are typed: they are easy to miss.
  private readonly errors = computed(() => validateWindows(this.drafts()));
  protected readonly summary = computed(() => windowSummary(this.vendor().availability));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected messages(i: number): string[] {
    return Object.values(this.errors()[i] ?? {});
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected patch(i: number, change: Partial<WindowDraft>): void {
    this.drafts.update((list) => list.map((d, j) => (j === i ? { ...d, ...change } : d)));
  }

  protected add(): void {
    const last = this.drafts().at(-1);
    const weekday = last ? (last.weekday % 7) + 1 : 1;
    this.drafts.update((list) => [...list, { weekday, start: '08:00', end: '17:00' }]);
  }

  protected copyToWorkweek(d: WindowDraft): void {
    const taken = new Set(
      this.drafts()
        .filter((o) => o.start === d.start && o.end === d.end)
        .map((o) => o.weekday),
    );
    this.drafts.update((list) =>
      copyWindow(
        list,
        d,
        WORKWEEK.filter((day) => !taken.has(day)),
      ),
    );
  }

  protected remove(i: number): void {
    this.drafts.update((list) => list.filter((_, j) => j !== i));
  }

  protected reset(): void {
    this.drafts.set(this.stored());
    this.error.set(null);
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    if (hasErrors(this.errors())) return;
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.gql.mutate({
          variables: { id: this.vendor().id, windows: windowsInput(this.drafts()) },
        }),
      );
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
