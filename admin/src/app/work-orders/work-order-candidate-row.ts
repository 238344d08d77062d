import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DateTimePipe, MoneyPipe } from '../shared/pipes';
import {
  candidateName,
  factorPoints,
  type AssignPlan,
  type Candidate,
} from './work-order-candidate.model';
import { formatDistance, formatShare } from './work-order-format';

/** One ranked technician or vendor: score, facts, explanation, factors on demand, Assign. */
@Component({
  selector: 'att-work-order-candidate-row',
  imports: [MatButtonModule, DateTimePipe, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-testid]': '"candidate-" + candidate().rank',
    '[attr.data-eligible]': 'candidate().eligible',
    '[class.ineligible]': '!candidate().eligible',
  },
  template: `
    @let c = candidate();
    <div class="line">
      <span class="rank" aria-label="Rank">#{{ c.rank }}</span>
      <div class="who">
        <span class="name">{{ name() }}</span>
        <span class="kind">{{ c.kind === 'VENDOR' ? 'Vendor' : 'Technician' }}</span>
        @if (c.eligible) {
          <span class="tag ok" data-testid="candidate-eligible">Eligible</span>
        } @else {
          <span class="tag no" data-testid="candidate-ineligible">Not eligible</span>
        }
      </div>
      <div class="score" [attr.aria-label]="'Score ' + c.score + ' of 100'">
        <span class="score-bar"><span [style.width.%]="c.score"></span></span>
        <span class="score-value" data-testid="candidate-score">{{ c.score }}</span>
      </div>
    </div>
    <dl class="facts">
      <div>
        <dt>Distance</dt>
        <dd data-testid="candidate-distance">{{ distance() }}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-testid="candidate-cost">{{ c.cost | money }}</dd>
      </div>
      <div>
        <dt>Next available</dt>
        <dd data-testid="candidate-next">{{ c.nextAvailableAt | dateTime }}</dd>
      </div>
    </dl>
    <p class="explanation" data-testid="candidate-explanation">{{ c.explanation }}</p>
    @if (!c.eligible && c.ineligibleReasons.length) {
      <ul class="reasons" data-testid="candidate-reasons">
        @for (r of c.ineligibleReasons; track $index) {
          <li>{{ r }}</li>
        }
      </ul>
    }
    <div class="actions">
      <button
        mat-button
        type="button"
        (click)="open.set(!open())"
        [attr.aria-expanded]="open()"
        [attr.data-testid]="'candidate-factors-toggle-' + c.rank"
      >
        {{ open() ? 'Hide factors' : 'Show factors' }}
      </button>
      @if (canAssign()) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy() || plan().kind === 'none'"
          [attr.title]="plan().kind === 'none' ? reason() : null"
          (click)="assign.emit(c)"
          [attr.data-testid]="'candidate-assign-' + c.rank"
        >
          Assign
        </button>
      }
    </div>
    @if (open()) {
      <table class="factors" [attr.data-testid]="'candidate-factors-' + c.rank">
        <thead>
          <tr>
            <th>Factor</th>
            <th class="num">Score</th>
            <th class="num">Weight</th>
            <th class="num">Points</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          @for (f of c.factors; track f.name) {
            <tr>
              <td>{{ f.name }}</td>
              <td class="num">{{ share(f.score) }}</td>
              <td class="num">{{ share(f.weight) }}</td>
              <td class="num">{{ points(f) }}</td>
              <td>{{ f.detail }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styleUrl: './work-order-candidate-row.scss',
})
export class WorkOrderCandidateRow {
  readonly candidate = input.required<Candidate>();
  readonly plan = input.required<AssignPlan>();
  readonly canAssign = input(false);
  readonly busy = input(false);
  readonly assign = output<Candidate>();

  protected readonly open = signal(false);
  protected readonly name = computed(() => candidateName(this.candidate()));
  protected readonly distance = computed(() => formatDistance(this.candidate().distanceKm));
  protected readonly reason = computed(() => {
    const p = this.plan();
    return p.kind === 'none' ? p.reason : null;
  });
  protected readonly share = formatShare;
  protected readonly points = factorPoints;
}
