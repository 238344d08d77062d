import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Previous / Next for cursor pagination, with "21–40 of 312". */
@Component({
  selector: 'att-pager',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="summary" data-testid="pager-summary">{{ summary() }}</span>
    <button
      mat-stroked-button
      type="button"
      (click)="previous.emit()"
      [disabled]="!hasPrevious() || busy()"
      data-testid="pager-prev"
    >
      ‹ Previous
    </button>
    <button
      mat-stroked-button
      type="button"
      (click)="next.emit()"
      [disabled]="!hasNext() || busy()"
      data-testid="pager-next"
    >
      Next ›
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
      flex-wrap: wrap;
      padding: 8px 0;
    }
    .summary {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-right: 8px;
    }
  `,
})
export class Pager {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly count = input.required<number>();
  readonly total = input<number | null>(null);
  readonly hasPrevious = input(false);
  readonly hasNext = input(false);
  readonly busy = input(false);
  readonly previous = output<void>();
  readonly next = output<void>();

  protected readonly summary = computed(() => {
    const total = this.total();
    if (total === 0 || this.count() === 0) return total === null ? '' : `0 of ${total}`;
    const from = (this.page() - 1) * this.pageSize() + 1;
    const to = from + this.count() - 1;
    return total === null ? `${from}–${to}` : `${from}–${to} of ${total}`;
  });
}
