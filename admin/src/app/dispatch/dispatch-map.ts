import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  viewChild,
  ViewEncapsulation,
  type ElementRef,
} from '@angular/core';
import type * as Leaflet from 'leaflet';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { woNumber } from '../shared/format';
import type { MapHome, MapJob } from './dispatch-board.model';
import type { MapRoute } from './dispatch-optimizer.model';

const ASSIGNED = '#1565c0';
const UNASSIGNED = '#ef6c00';

/** An element with text (never HTML from data), for icons and tooltips. */
function el(tag: string, className: string, attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function text(content: string): HTMLElement {
  const node = document.createElement('span');
  node.style.whiteSpace = 'pre-line';
  node.textContent = content;
  return node;
}

/**
 * Technicians' home bases and the day's jobs (assigned / unassigned). OpenStreetMap tiles need
 * the internet; the markers show without them.
 */
@Component({
  selector: 'att-dispatch-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { class: 'att-dispatch-map', 'data-testid': 'dispatch-map' },
  template: `
    <div #map class="map" role="img" [attr.aria-label]="summary()"></div>
    @if (homes().length === 0 && jobs().length === 0) {
      <p class="empty" data-testid="dispatch-map-empty">No locations for this day</p>
    }
    <div class="legend">
      <span style="--dot: #1565c0">Assigned job</span>
      <span style="--dot: #ef6c00">Unassigned job</span>
      <span style="--dot: #2e7d32">Home base</span>
      @if (currentRoutes().length) {
        <span class="line" data-testid="map-legend-current">Current route</span>
      }
      @if (routes().length) {
        <span class="line dashed" data-testid="map-legend-proposed"
          >Suggested route (one colour per technician)</span
        >
      }
    </div>
  `,
  styleUrl: './dispatch-map.scss',
})
export class DispatchMap {
  readonly homes = input<readonly MapHome[]>([]);
  readonly jobs = input<readonly MapJob[]>([]);
  /** The open suggestion's routes, drawn dashed. */
  readonly routes = input<readonly MapRoute[]>([]);
  /** Today's routes from the board, drawn thin and solid. */
  readonly currentRoutes = input<readonly MapRoute[]>([]);

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('map');
  private readonly map = signal<Leaflet.Map | null>(null);
  private layer?: Leaflet.LayerGroup;
  private fittedKey = '';

  protected readonly summary = computed(
    () => `Map of ${this.jobs().length} jobs and ${this.homes().length} home bases`,
  );

  constructor() {
    afterNextRender(() => {
      const map = L.map(this.container().nativeElement, { scrollWheelZoom: false }).setView(
        [20, 0],
        2,
      );
      L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 19,
        attribution: '&copy; OpenStreetMap contributors',
      }).addTo(map);
      this.layer = L.layerGroup().addTo(map);
      this.map.set(map);
    });
    effect(() => {
      const map = this.map();
      const homes = this.homes();
      const jobs = this.jobs();
      const routes = this.routes();
      const current = this.currentRoutes();
      if (!map || !this.layer) return;
      this.draw(map, this.layer, homes, jobs);
      this.drawRoutes(this.layer, current, routes);
    });
    inject(DestroyRef).onDestroy(() => this.map()?.remove());
  }

  private drawRoutes(
    layer: Leaflet.LayerGroup,
    current: readonly MapRoute[],
    proposed: readonly MapRoute[],
  ): void {
    const line = (r: MapRoute, dashed: boolean) =>
      L.polyline(
        r.points.map((p): [number, number] => [p.lat, p.lng]),
        {
          color: r.color,
          weight: dashed ? 4 : 2,
          opacity: dashed ? 0.9 : 0.55,
          dashArray: dashed ? '8 8' : undefined,
          className: dashed ? 'att-route-proposed' : 'att-route-current',
          interactive: true,
        },
      )
        .bindTooltip(text(`${r.name}\n${dashed ? 'Suggested route' : 'Current route'}`), {
          sticky: true,
        })
        .addTo(layer);
    // Current routes first, so the proposal is drawn over them.
    for (const r of current) line(r, false);
    for (const r of proposed) line(r, true);
  }

  private draw(
    map: Leaflet.Map,
    layer: Leaflet.LayerGroup,
    homes: readonly MapHome[],
    jobs: readonly MapJob[],
  ): void {
    layer.clearLayers();
    for (const h of homes) {
      const icon = L.divIcon({
        className: 'att-dispatch-pin',
        html: el('span', 'home', { 'data-testid': `map-home-${h.id}` }),
        iconSize: [18, 18],
      });
      L.marker([h.lat, h.lng], { icon, title: `${h.name} (home base)` })
        .bindTooltip(text(`${h.name}\nHome base`))
        .addTo(layer);
    }
    for (const j of jobs) {
      const assigned = j.technician !== null;
      const dot = el('span', 'dot', {
        'data-testid': `map-job-${j.number}`,
        'data-assigned': String(assigned),
        style: `--dot: ${assigned ? ASSIGNED : UNASSIGNED}`,
      });
      const icon = L.divIcon({ className: 'att-dispatch-pin', html: dot, iconSize: [16, 16] });
      const who = assigned ? `Assigned to ${j.technician}` : 'Unassigned';
      L.marker([j.lat, j.lng], { icon, title: `${woNumber(j.number)} ${j.title}` })
        .bindTooltip(text(`${woNumber(j.number)} ${j.title}\n${who}`))
        .addTo(layer);
    }
    // Fit only when the set of places changes, so live refreshes do not move the view.
    const points: [number, number][] = [...homes, ...jobs].map((p) => [p.lat, p.lng]);
    const key = JSON.stringify(points);
    if (points.length && key !== this.fittedKey) {
      this.fittedKey = key;
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14 });
    }
  }
}
