import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { LatLng } from '../core/native/geolocation.service';

/**
 * A Leaflet map of the job site with a pin, and the technician's position once known. Tiles come
 * from OpenStreetMap; offline they simply stay grey while the pin still shows.
 */
@Component({
  selector: 'app-job-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div
    #map
    class="map"
    data-testid="job-map"
    role="img"
    [attr.aria-label]="'Map showing ' + label()"
  ></div>`,
  styles: `
    :host {
      display: block;
    }
    .map {
      height: 220px;
      border-radius: 12px;
      overflow: hidden;
      background: var(--ion-color-light);
      z-index: 0;
    }
  `,
})
export class JobMapComponent {
  readonly lat = input.required<number>();
  readonly lng = input.required<number>();
  readonly label = input('');
  /** Where the technician is, when they asked. */
  readonly here = input<LatLng | null>(null);

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('map');
  private map?: L.Map;
  private pin?: L.Marker;
  private me?: L.CircleMarker;

  constructor() {
    let resize: ResizeObserver | undefined;
    afterNextRender(() => {
      const el = this.container().nativeElement;
      this.map = L.map(el, { zoomControl: true, attributionControl: true }).setView(
        [this.lat(), this.lng()],
        15,
      );
      L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 19,
        attribution: '&copy; OpenStreetMap contributors',
      }).addTo(this.map);
      this.pin = L.marker([this.lat(), this.lng()], {
        icon: L.divIcon({
          className: 'job-pin-icon',
          html: '<span class="job-pin"></span>',
          iconSize: [26, 26],
          iconAnchor: [13, 30],
        }),
        title: this.label(),
        alt: this.label(),
      }).addTo(this.map);
      // Page transitions resize the container after creation; keep Leaflet's idea of it right.
      resize = new ResizeObserver(() => this.map?.invalidateSize());
      resize.observe(el);
      this.update();
    });
    effect(() => this.update());
    inject(DestroyRef).onDestroy(() => {
      resize?.disconnect();
      this.map?.remove();
    });
  }

  private update(): void {
    const site: L.LatLngTuple = [this.lat(), this.lng()];
    const here = this.here();
    if (!this.map || !this.pin) return;
    this.pin.setLatLng(site);
    if (here) {
      this.me ??= L.circleMarker([here.lat, here.lng], {
        radius: 8,
        color: '#fff',
        weight: 3,
        fillColor: '#2d7ff9',
        fillOpacity: 1,
      }).addTo(this.map);
      this.me.setLatLng([here.lat, here.lng]);
      this.map.fitBounds(L.latLngBounds([site, [here.lat, here.lng]]), {
        padding: [32, 32],
        maxZoom: 16,
      });
    } else {
      this.map.setView(site, this.map.getZoom());
    }
  }
}
