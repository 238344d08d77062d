import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
  ViewEncapsulation,
  type ElementRef,
} from '@angular/core';
import type * as Leaflet from 'leaflet';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { woNumber } from '../shared/format';
import {
  LIVE_COLOR,
  STALE_COLOR,
  STATUS_COLORS,
  type MapJob,
  type PathPoint,
} from './live-map.model';

/** A technician's marker: where they are, and what its tooltip says. */
export interface MapTechnician {
  id: string;
  name: string;
  initials: string;
  lat: number;
  lng: number;
  stale: boolean;
  /** Tooltip lines: last seen, next job, ETA. */
  detail: string;
}

export interface MapPath {
  id: string;
  stale: boolean;
  points: readonly PathPoint[];
}

interface Placed {
  marker: Leaflet.Marker;
  pin: HTMLElement;
}

/** An element with text (never HTML from data), for icons and tooltips. */
function text(content: string): HTMLElement {
  const node = document.createElement('span');
  // Lines as given, never wrapped: Leaflet sizes a tooltip to its content.
  node.style.whiteSpace = 'pre';
  node.textContent = content;
  return node;
}

/**
 * Technicians where they are now (initials, green while live, grey when stale), their path today
 * and today's jobs coloured by status. Markers move in place as positions arrive, so the view is
 * never reset by a ping; it fits the points only when the set of technicians and jobs changes.
 * OpenStreetMap tiles need the internet; the markers show without them.
 */
@Component({
  selector: 'att-live-map-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { class: 'att-live-map-view', 'data-testid': 'live-map-map' },
  template: `
    <div #map class="map" role="img" [attr.aria-label]="summary()"></div>
    <div class="legend">
      <span [style.--dot]="live">Live</span>
      <span [style.--dot]="stale">Stale (no recent ping)</span>
      <span [style.--dot]="colors.SCHEDULED">Scheduled job</span>
      <span [style.--dot]="colors.EN_ROUTE">Underway</span>
      <span [style.--dot]="colors.ON_HOLD">On hold</span>
      <span [style.--dot]="colors.COMPLETED">Completed</span>
    </div>
  `,
  styleUrl: './live-map-view.scss',
})
export class LiveMapView {
  readonly technicians = input<readonly MapTechnician[]>([]);
  readonly jobs = input<readonly MapJob[]>([]);
  readonly paths = input<readonly MapPath[]>([]);
  /** A technician's marker was clicked. */
  readonly picked = output<string>();

  protected readonly live = LIVE_COLOR;
  protected readonly stale = STALE_COLOR;
  protected readonly colors = STATUS_COLORS;
  protected readonly summary = signal('Map of technicians and jobs');

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('map');
  private readonly map = signal<Leaflet.Map | null>(null);
  private readonly placed = new Map<string, Placed>();
  private readonly lines = new Map<string, Leaflet.Polyline>();
  private technicianLayer?: Leaflet.LayerGroup;
  private jobLayer?: Leaflet.LayerGroup;
  private pathLayer?: Leaflet.LayerGroup;
  private fittedKey = '';

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
      // Paths under jobs under technicians.
      this.pathLayer = L.layerGroup().addTo(map);
      this.jobLayer = L.layerGroup().addTo(map);
      this.technicianLayer = L.layerGroup().addTo(map);
      this.map.set(map);
    });
    effect(() => {
      const map = this.map();
      const technicians = this.technicians();
      if (!map) return;
      this.placeTechnicians(technicians);
      this.fit(map, technicians, this.jobs());
      this.summary.set(
        `Map of ${technicians.length} technicians and ${this.jobs().length} jobs today`,
      );
    });
    effect(() => {
      const map = this.map();
      const jobs = this.jobs();
      if (map) this.drawJobs(jobs);
    });
    effect(() => {
      const map = this.map();
      const paths = this.paths();
      if (map) this.drawPaths(paths);
    });
    inject(DestroyRef).onDestroy(() => this.map()?.remove());
  }

  /** Pans and zooms to a technician and shows what their marker says. */
  focus(id: string): void {
    const map = this.map();
    const placed = this.placed.get(id);
    if (!map || !placed) return;
    map.setView(placed.marker.getLatLng(), Math.max(map.getZoom(), 15));
    placed.marker.openTooltip();
  }

  private placeTechnicians(technicians: readonly MapTechnician[]): void {
    const layer = this.technicianLayer!;
    const seen = new Set<string>();
    for (const t of technicians) {
      seen.add(t.id);
      const known = this.placed.get(t.id);
      if (known) {
        known.marker.setLatLng([t.lat, t.lng]);
        known.marker.setTooltipContent(text(`${t.name}\n${t.detail}`));
        this.paint(known.pin, t);
        continue;
      }
      const pin = document.createElement('span');
      pin.className = 'tech';
      pin.textContent = t.initials;
      pin.dataset['testid'] = `live-marker-${t.id}`;
      this.paint(pin, t);
      const icon = L.divIcon({ className: 'att-live-pin', html: pin, iconSize: [30, 30] });
      const marker = L.marker([t.lat, t.lng], { icon, title: t.name, zIndexOffset: 1000 })
        .bindTooltip(text(`${t.name}\n${t.detail}`))
        .on('click', () => this.picked.emit(t.id))
        .addTo(layer);
      this.placed.set(t.id, { marker, pin });
    }
    for (const [id, gone] of this.placed) {
      if (seen.has(id)) continue;
      gone.marker.remove();
      this.placed.delete(id);
    }
  }

  /** Colour and data attributes (tests and screen readers see where a marker is). */
  private paint(pin: HTMLElement, t: MapTechnician): void {
    pin.classList.toggle('stale', t.stale);
    pin.style.setProperty('--dot', t.stale ? STALE_COLOR : LIVE_COLOR);
    pin.dataset['stale'] = String(t.stale);
    pin.dataset['lat'] = t.lat.toFixed(5);
    pin.dataset['lng'] = t.lng.toFixed(5);
  }

  private drawJobs(jobs: readonly MapJob[]): void {
    const layer = this.jobLayer!;
    layer.clearLayers();
    for (const j of jobs) {
      const color = STATUS_COLORS[j.status];
      const circle = L.circleMarker([j.lat, j.lng], {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: color,
        fillOpacity: 0.95,
        className: 'att-live-job',
      })
        .bindTooltip(text(`${woNumber(j.number)} ${j.title}\n${j.technician} · ${j.status}`))
        .addTo(layer);
      const path = circle.getElement();
      path?.setAttribute('data-testid', `live-job-${j.number}`);
      path?.setAttribute('data-status', j.status);
    }
  }

  private drawPaths(paths: readonly MapPath[]): void {
    const layer = this.pathLayer!;
    const seen = new Set<string>();
    for (const p of paths) {
      seen.add(p.id);
      const points = p.points.map((x): [number, number] => [x.lat, x.lng]);
      const style = { color: p.stale ? STALE_COLOR : '#1565c0', opacity: p.stale ? 0.5 : 0.75 };
      const known = this.lines.get(p.id);
      if (known) {
        known.setLatLngs(points).setStyle(style);
        known.getElement()?.setAttribute('data-points', String(points.length));
        continue;
      }
      const line = L.polyline(points, { ...style, weight: 3, className: 'att-live-path' }).addTo(
        layer,
      );
      line.getElement()?.setAttribute('data-testid', `live-path-${p.id}`);
      line.getElement()?.setAttribute('data-points', String(points.length));
      this.lines.set(p.id, line);
    }
    for (const [id, line] of this.lines) {
      if (seen.has(id)) continue;
      line.remove();
      this.lines.delete(id);
    }
  }

  /** Fits when the set of technicians and jobs changes (not when someone moves). */
  private fit(
    map: Leaflet.Map,
    technicians: readonly MapTechnician[],
    jobs: readonly MapJob[],
  ): void {
    const key = [...technicians.map((t) => t.id), ...jobs.map((j) => j.id)].sort().join('|');
    const points: [number, number][] = [...technicians, ...jobs].map((p) => [p.lat, p.lng]);
    if (!points.length || key === this.fittedKey) return;
    this.fittedKey = key;
    map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: 14 });
  }
}
