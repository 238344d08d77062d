import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { VendorDetailFragment } from '../generated/graphql';
import { QualityBar } from './quality-bar';
import { percent, points } from './vendor.model';

/** The quality score and every factor behind it: value, weight, points and why. */
@Component({
  selector: 'att-vendor-quality',
  imports: [MatCardModule, QualityBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="vendor-quality">
      <mat-card-header><mat-card-title>Quality</mat-card-title></mat-card-header>
      <mat-card-content>
        <div class="score">
          <att-quality-bar [score]="quality().score" />
          <span class="muted"
            >{{ quality().jobs }} completed job{{ quality().jobs === 1 ? '' : 's' }}</span
          >
        </div>
        <p class="explanation" data-testid="quality-explanation">{{ quality().explanation }}</p>
        <dl class="rates">
          <dt>On time</dt>
          <dd data-testid="quality-on-time">{{ pct(quality().onTimeRate) }}</dd>
          <dt>Average rating</dt>
          <dd data-testid="quality-rating">
            {{
              quality().averageRating != null ? quality().averageRating!.toFixed(1) + ' / 5' : '—'
            }}
          </dd>
          <dt>Rework</dt>
          <dd data-testid="quality-rework">{{ pct(quality().reworkRate) }}</dd>
        </dl>
        @if (quality().factors.length > 0) {
          <div class="table-wrap">
            <table class="factors" data-testid="quality-factors">
              <thead>
                <tr>
                  <th scope="col">Factor</th>
                  <th scope="col" class="num">Value</th>
                  <th scope="col" class="num">Weight</th>
                  <th scope="col" class="num">Points</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                @for (f of quality().factors; track f.name) {
                  <tr data-testid="quality-factor">
                    <th scope="row" data-testid="quality-factor-name">{{ f.name }}</th>
                    <td class="num" data-testid="quality-factor-value">
                      <span class="mini"><span [style.width.%]="f.value * 100"></span></span>
                      {{ pct(f.value) }}
                    </td>
                    <td class="num" data-testid="quality-factor-weight">{{ pct(f.weight) }}</td>
                    <td class="num" data-testid="quality-factor-contribution">
                      {{ pts(f.contribution) }}
                    </td>
                    <td data-testid="quality-factor-explanation">{{ f.explanation }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p class="muted" data-testid="quality-no-factors">
            The score appears once the vendor has completed work orders.
          </p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .score {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    att-quality-bar {
      flex: 1 1 200px;
    }
    .explanation {
      margin: 8px 0;
    }
    .rates {
      display: grid;
      grid-template-columns: repeat(3, max-content 1fr);
      gap: 4px 12px;
      margin: 8px 0 12px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font-weight: 500;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .factors {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .factors th,
    .factors td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
    }
    .factors thead th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .num {
      text-align: right !important;
      white-space: nowrap;
    }
    .mini {
      display: inline-block;
      width: 40px;
      height: 6px;
      margin-right: 6px;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-highest);
      vertical-align: middle;
      overflow: hidden;
    }
    .mini span {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 700px) {
      .rates {
        grid-template-columns: max-content 1fr;
      }
    }
  `,
})
export class VendorQuality {
  readonly quality = input.required<VendorDetailFragment['quality']>();
  protected readonly pct = percent;
  protected readonly pts = points;
}
