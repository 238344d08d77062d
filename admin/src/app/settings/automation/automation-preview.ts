import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  from,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { messageOf } from '../../core/errors';
import {
  AutomationPreviewGQL,
  type AutomationPreviewInput,
  type AutomationPreviewQuery,
} from '../../generated/graphql';
import { DateTimePipe } from '../../shared/pipes';
import { sameJson } from '../../shared/same-json';

type Match = AutomationPreviewQuery['previewAutomationRule'][number];
type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; matches: Match[] };

/** The upcoming reservations the rule being edited would create an order for, and when. */
@Component({
  selector: 'att-automation-preview',
  imports: [MatProgressBarModule, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="automation-preview" aria-live="polite">
      <h3>Preview</h3>
      <p class="hint">Reservations of the next 7 days this rule would create an order for.</p>
      @switch (state().kind) {
        @case ('idle') {
          <p class="empty" data-testid="automation-preview-idle">
            Choose a condition to see which reservations match.
          </p>
        }
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" />
        }
        @case ('error') {
          <p class="error" role="alert" data-testid="automation-preview-error">{{ message() }}</p>
        }
        @case ('done') {
          @if (matches().length === 0) {
            <p class="empty" data-testid="automation-preview-empty">
              No upcoming reservation matches.
            </p>
          } @else {
            <p class="count" data-testid="automation-preview-count">
              {{ matches().length }} {{ matches().length === 1 ? 'match' : 'matches' }}
            </p>
            <ul>
              @for (m of matches(); track m.reservationId) {
                <li data-testid="automation-preview-row" [attr.data-id]="m.reservationId">
                  <span class="guest">{{ m.guestName ?? 'Unnamed guest' }}</span>
                  <span class="when">Arrives {{ m.arrivalAt | dateTime }}</span>
                  <span class="when">Order at {{ m.wouldCreateAt | dateTime }}</span>
                </li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styles: `
    :host {
      position: sticky;
      top: 0;
    }
    section {
      display: grid;
      gap: 8px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
      min-height: 160px;
      align-content: start;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .hint,
    .empty,
    .count {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
      max-height: 420px;
      overflow-y: auto;
    }
    li {
      display: grid;
      padding: 6px 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface);
    }
    .guest {
      font-weight: 500;
    }
    .when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AutomationPreview {
  private readonly gql = inject(AutomationPreviewGQL);
  /** Null while the rule has no condition. */
  readonly request = input<AutomationPreviewInput | null>(null);

  protected readonly state = toSignal(
    toObservable(this.request).pipe(
      debounceTime(400),
      distinctUntilChanged(sameJson),
      switchMap((input) =>
        input
          ? from(this.gql.fetch({ variables: { input }, fetchPolicy: 'network-only' })).pipe(
              map((res): PreviewState => {
                const matches = res.data?.previewAutomationRule;
                if (!matches) throw res.error ?? new Error('The preview failed');
                return { kind: 'done', matches: [...matches] };
              }),
              catchError((err: unknown) =>
                of<PreviewState>({ kind: 'error', message: messageOf(err) }),
              ),
              startWith<PreviewState>({ kind: 'loading' }),
            )
          : of<PreviewState>({ kind: 'idle' }),
      ),
    ),
    { initialValue: { kind: 'idle' } as PreviewState },
  );

  protected matches(): Match[] {
    const s = this.state();
    return s.kind === 'done' ? s.matches : [];
  }

  protected message(): string {
    const s = this.state();
    return s.kind === 'error' ? s.message : '';
  }
}
