import { Injectable } from '@angular/core';
import { Geolocation } from '@capacitor/geolocation';

export interface LatLng {
  lat: number;
  lng: number;
}

/** One reading of the device position. */
export interface Fix extends LatLng {
  accuracy: number;
  speed: number | null;
  heading: number | null;
  /** When the device took it (epoch ms). */
  at: number;
}

/** The device position through @capacitor/geolocation (the browser Geolocation API on the web). */
@Injectable({ providedIn: 'root' })
export class GeolocationService {
  /** Where the device is now, with its accuracy in metres. Rejects when denied or unavailable. */
  async currentPosition(): Promise<LatLng & { accuracy: number }> {
    const position = await Geolocation.getCurrentPosition({
      enableHighAccuracy: true,
      timeout: 15_000,
      maximumAge: 60_000,
    });
    return {
      lat: position.coords.latitude,
      lng: position.coords.longitude,
      accuracy: position.coords.accuracy,
    };
  }

  /**
   * Follows the position until the returned function is called. `onError` hears denials and
   * outages (the watch keeps going where the platform allows).
   */
  async watch(onFix: (fix: Fix) => void, onError: (err: unknown) => void): Promise<() => void> {
    const id = await Geolocation.watchPosition(
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 10_000 },
      (position, err) => {
        if (err || !position) {
          onError(err);
          return;
        }
        onFix({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: position.coords.accuracy,
          speed: position.coords.speed ?? null,
          heading: position.coords.heading ?? null,
          at: position.timestamp || Date.now(),
        });
      },
    );
    return () => void Geolocation.clearWatch({ id });
  }
}
