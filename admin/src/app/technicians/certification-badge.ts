import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DateTimePipe } from '../shared/pipes';
import { certificationState } from './technician.model';

/** A certification's name, red when expired and amber when it expires within 30 days. */
@Component({
  selector: 'att-certification-badge',
  imports: [DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"cert-" + state()',
    '[attr.data-state]': 'state()',
    '[attr.title]': 'title()',
    'data-testid': 'certification-badge',
  },
  template: `{{ certification().name }}
    @if (state() === 'expired') {
      <span class="flag">expired</span>
    } @else if (state() === 'expiring') {
      <span class="flag">expires {{ certification().expiresOn | dateTime: 'date' }}</span>
    }`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 1px 8px;
      border-radius: 10px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
    }
    :host(.cert-expired) {
      background: #ffdad6;
      color: #8c1d18;
    }
    :host(.cert-expiring) {
      background: #ffe8c2;
      color: #7a4300;
    }
    .flag {
      font-weight: 600;
    }
  `,
})
export class CertificationBadge {
  readonly certification = input.required<{
    name: string;
    expiresOn?: string | null;
    expired: boolean;
    expiresSoon: boolean;
  }>();
  protected readonly state = computed(() => certificationState(this.certification()));
  protected readonly title = computed(() => {
    const c = this.certification();
    return c.expiresOn ? `Valid until ${c.expiresOn}` : 'Does not expire';
  });
}
