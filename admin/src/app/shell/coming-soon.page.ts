import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A section a later release fills: says so plainly instead of showing made-up data. */
@Component({
  selector: 'att-coming-soon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ title() }}</h1>
    <p class="empty" data-testid="empty-section">
      {{ title() }} is not available yet. {{ detail() }}
    </p>
  `,
  styles: `
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ComingSoonPage {
  readonly title = input.required<string>();
  readonly detail = input('');
}
