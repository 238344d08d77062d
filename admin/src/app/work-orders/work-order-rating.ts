import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { WorkOrderRateGQL } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { actionMessage } from './work-order-errors';
import { stars } from './work-order-items.model';

/** The customer's rating (1–5 stars) and feedback of a completed work order. */
@Component({
  selector: 'att-work-order-rating',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="wo-rating">
      <mat-card-header><mat-card-title>Customer rating</mat-card-title></mat-card-header>
      <mat-card-content>
        <div
          class="stars"
          role="group"
          aria-label="Customer rating, 1 to 5 stars"
          data-testid="rating-stars"
          [attr.data-rating]="shown() ?? 0"
        >
          @for (s of starList(); track s.value) {
            <button
              type="button"
              class="star"
              [class.filled]="s.filled"
              [attr.aria-pressed]="s.value === shown()"
              [attr.aria-label]="'Rate ' + s.value + ' of 5'"
              [disabled]="!editable() || busy()"
              (click)="choose(s.value)"
              [attr.data-testid]="'rating-star-' + s.value"
            >
              {{ s.filled ? '★' : '☆' }}
            </button>
          }
          <span class="value">{{ shown() ? shown() + ' / 5' : 'Not rated yet' }}</span>
        </div>
        @if (editable()) {
          <mat-form-field class="feedback" subscriptSizing="dynamic">
            <mat-label>Feedback</mat-label>
            <textarea
              matInput
              rows="2"
              maxlength="2000"
              [formControl]="feedback"
              data-testid="rating-feedback"
            ></textarea>
            @if (feedback.invalid) {
              <mat-error>Feedback has at most 2000 characters</mat-error>
            }
          </mat-form-field>
          @if (needsStars()) {
            <p class="problem" role="alert" data-testid="rating-required">Choose 1 to 5 stars</p>
          }
          @if (error(); as message) {
            <att-error-banner [message]="message" [retryLabel]="null" data-testid="rating-error" />
          }
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy()"
            (click)="save()"
            data-testid="rating-save"
          >
            Save rating
          </button>
        } @else if (savedFeedback()) {
          <p class="saved" data-testid="rating-feedback-text">“{{ savedFeedback() }}”</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .stars {
      display: flex;
      align-items: center;
      gap: 2px;
      margin: 8px 0;
    }
    .star {
      border: none;
      background: none;
      font-size: 28px;
      line-height: 1;
      padding: 2px;
      cursor: pointer;
      color: var(--mat-sys-outline);
      border-radius: 4px;
    }
    .star.filled {
      color: #f4a300;
    }
    .star:disabled {
      cursor: default;
    }
    .star:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .value {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .feedback {
      width: 100%;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }
    .saved {
      font-style: italic;
      white-space: pre-line;
    }
  `,
})
export class WorkOrderRating {
  readonly workOrderId = input.required<string>();
  readonly rating = input<number | null>(null);
  readonly savedFeedback = input<string | null>(null, { alias: 'feedback' });
  readonly editable = input(false);

  private readonly gql = inject(WorkOrderRateGQL);
  /** The stars picked but not saved yet. */
  private readonly picked = signal<number | null>(null);
  protected readonly shown = computed(() => this.picked() ?? this.rating());
  protected readonly starList = computed(() => stars(this.shown()));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly needsStars = signal(false);
  protected readonly feedback = new FormControl('', {
    nonNullable: true,
    validators: Validators.maxLength(2000),
  });

  constructor() {
    // Follow the saved feedback until the user edits it.
    effect(() => {
      const saved = this.savedFeedback() ?? '';
      if (!this.feedback.dirty) this.feedback.setValue(saved);
    });
  }

  protected choose(value: number): void {
    this.picked.set(value);
    this.needsStars.set(false);
  }

  protected async save(): Promise<void> {
    const rating = this.shown();
    if (!rating) {
      this.needsStars.set(true);
      return;
    }
    if (this.feedback.invalid) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.gql.mutate({
          variables: {
            id: this.workOrderId(),
            rating,
            feedback: this.feedback.value.trim() || null,
          },
        }),
      );
      this.picked.set(null);
      this.feedback.markAsPristine();
    } catch (err) {
      this.error.set(actionMessage(err));
    } finally {
      this.busy.set(false);
    }
  }
}
