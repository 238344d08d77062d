import { Injectable } from '@angular/core';
import { Geolocation } from '@capacitor/geolocation';

export interface LatLng {
  lat: number;
  lng: number;
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
}
