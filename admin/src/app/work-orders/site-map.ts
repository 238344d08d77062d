import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  viewChild,
  ViewEncapsulation,
  type ElementRef,
} from '@angular/core';
import type * as Leaflet from 'leaflet';
import * as L from 'leaflet/dist/leaflet-src.esm.js';

/** A Leaflet map with one marker. OpenStreetMap tiles need the internet; the marker shows anyway. */
@Component({
  selector: 'att-site-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `<div
    #map
    class="att-site-map"
    data-testid="wo-map"
    role="img"
    [attr.aria-label]="'Map showing ' + label()"
  ></div>`,
  styleUrl: './site-map.scss',
})
export class SiteMap {
  readonly lat = input.required<number>();
  readonly lng = input.required<number>();
  readonly label = input('');

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('map');
  private map?: Leaflet.Map;
  private marker?: Leaflet.Marker;

  constructor() {
    afterNextRender(() => {
      const at: Leaflet.LatLngExpression = [this.lat(), this.lng()];
      this.map = L.map(this.container().nativeElement, { scrollWheelZoom: false }).setView(at, 15);
      L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 19,
        attribution: '&copy; OpenStreetMap contributors',
      }).addTo(this.map);
      this.marker = L.marker(at, {
        title: this.label(),
        icon: L.divIcon({
          className: 'att-map-pin',
          html: '<span class="pin"></span>',
          iconSize: [22, 22],
          iconAnchor: [11, 27],
        }),
      }).addTo(this.map);
    });
    effect(() => {
      const at: Leaflet.LatLngExpression = [this.lat(), this.lng()];
      this.marker?.setLatLng(at);
      this.map?.setView(at);
    });
    inject(DestroyRef).onDestroy(() => this.map?.remove());
  }
}
