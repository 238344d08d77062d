import { Injectable } from '@angular/core';
import { Camera } from '@capacitor/camera';

/** A photo ready to show in an <img>. */
export interface CapturedPhoto {
  src: string;
  takenAt: Date;
}

/**
 * Photos through @capacitor/camera. On devices this opens the native camera; on the web it falls
 * back to a file input (which offers the camera on mobile browsers).
 */
@Injectable({ providedIn: 'root' })
export class CameraService {
  /** Takes a photo; resolves null when the user cancels. */
  async takePhoto(): Promise<CapturedPhoto | null> {
    try {
      const result = await Camera.takePhoto({
        quality: 70,
        targetWidth: 1280,
        targetHeight: 1280,
        webUseInput: true,
      });
      const src =
        result.webPath ?? (result.thumbnail ? `data:image/jpeg;base64,${result.thumbnail}` : null);
      return src ? { src, takenAt: new Date() } : null;
    } catch (err) {
      if (isCancel(err)) return null;
      throw err;
    }
  }
}

const isCancel = (err: unknown) =>
  err instanceof Error && /cancel|no file selected/i.test(err.message);
