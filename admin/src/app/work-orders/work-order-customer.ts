import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WorkOrderFullFragment } from '../generated/graphql';
import { HealthBadge } from '../shared/health-badge';
import { DateTimePipe, HumanizePipe } from '../shared/pipes';

type Customer = NonNullable<WorkOrderFullFragment['guest']>;

/** The work order's guest or customer (from the guests subgraph) and their latest timeline. */
@Component({
  selector: 'att-work-order-customer',
  imports: [RouterLink, HealthBadge, DateTimePipe, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let g = guest();
    <div class="who">
      <a [routerLink]="['/guests', g.id]" class="name" data-testid="wo-guest-name">{{
        g.fullName
      }}</a>
      @if (g.healthScore; as h) {
        <att-health-badge [score]="h.score" [trend]="h.trend" />
      }
    </div>
    <dl>
      <dt>Email</dt>
      <dd>
        @if (g.email) {
          <a [href]="'mailto:' + g.email">{{ g.email }}</a>
        } @else {
          —
        }
      </dd>
      <dt>Phone</dt>
      <dd>
        @if (g.phone) {
          <a [href]="'tel:' + g.phone">{{ g.phone }}</a>
        } @else {
          —
        }
      </dd>
    </dl>
    <h3>Recent activity</h3>
    <ol class="timeline" data-testid="wo-timeline">
      @for (e of g.timeline.nodes; track e.id) {
        <li>
          <span class="when">{{ e.at | dateTime }}</span>
          <span class="kind">{{ e.kind | humanize }}</span>
          <span class="title">{{ e.title }}</span>
          @if (e.detail) {
            <span class="detail">{{ e.detail }}</span>
          }
        </li>
      } @empty {
        <li class="none">No messages or alerts yet.</li>
      }
    </ol>
  `,
  styles: `
    .who {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .name {
      font: var(--mat-sys-title-medium);
      color: inherit;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 12px 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .timeline li {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 8px;
      padding-left: 8px;
      border-left: 3px solid var(--mat-sys-outline-variant);
    }
    .when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      font: var(--mat-sys-label-small);
      justify-self: end;
      color: var(--mat-sys-on-surface-variant);
    }
    .title {
      grid-column: 1 / -1;
    }
    .detail {
      grid-column: 1 / -1;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      border: none !important;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class WorkOrderCustomer {
  readonly guest = input.required<Customer>();
}
