import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatDate } from '../shared/format';

export interface SparkPoint {
  score: number;
  recordedAt: string;
}

const W = 160;
const H = 36;
const PAD = 3;

/** A 0–100 score over time as a small SVG line, oldest on the left. */
@Component({
  selector: 'att-guest-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (points().length > 0) {
      <svg
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        [attr.width]="width"
        [attr.height]="height"
        role="img"
        [attr.aria-label]="label()"
        data-testid="completeness-trend"
      >
        <title>{{ label() }}</title>
        <line
          class="axis"
          [attr.x1]="pad"
          [attr.x2]="width - pad"
          [attr.y1]="y(50)"
          [attr.y2]="y(50)"
        />
        <polyline class="line" [attr.points]="path()" />
        @if (last(); as p) {
          <circle class="dot" [attr.cx]="p.x" [attr.cy]="p.y" r="2.5" />
        }
      </svg>
    } @else {
      <span class="none" data-testid="completeness-trend-empty">No history yet</span>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
    .line {
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 1.75;
      stroke-linejoin: round;
    }
    .axis {
      stroke: var(--mat-sys-outline-variant);
      stroke-dasharray: 2 3;
    }
    .dot {
      fill: var(--mat-sys-primary);
    }
    .none {
      line-height: normal;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GuestSparkline {
  readonly points = input.required<readonly SparkPoint[]>();
  protected readonly width = W;
  protected readonly height = H;
  protected readonly pad = PAD;

  protected y(score: number): number {
    return H - PAD - (Math.max(0, Math.min(100, score)) / 100) * (H - 2 * PAD);
  }

  private readonly coords = computed(() => {
    const pts = this.points();
    if (pts.length === 0) return [];
    const times = pts.map((p) => Date.parse(p.recordedAt));
    const t0 = Math.min(...times);
    const span = Math.max(...times) - t0;
    return pts.map((p, i) => ({
      // One point, or all at the same moment: spread evenly instead of stacking.
      x:
        PAD +
        (span > 0 ? (times[i]! - t0) / span : pts.length > 1 ? i / (pts.length - 1) : 1) *
          (W - 2 * PAD),
      y: this.y(p.score),
    }));
  });
  protected readonly path = computed(() =>
    this.coords()
      .map((c) => `${c.x.toFixed(1)},${c.y.toFixed(1)}`)
      .join(' '),
  );
  protected readonly last = computed(() => this.coords().at(-1) ?? null);
  protected readonly label = computed(() => {
    const pts = this.points();
    const first = pts[0];
    const last = pts.at(-1);
    if (!first || !last) return '';
    return `Completeness ${first.score}% on ${formatDate(first.recordedAt)} → ${last.score}% on ${formatDate(last.recordedAt)}`;
  });
}
