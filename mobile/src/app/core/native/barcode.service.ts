import { Injectable } from '@angular/core';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/**
 * Reads a part's barcode with the camera: the browser's BarcodeDetector where it exists (Chrome
 * on Android), else ZXing (loaded only when first needed). Shows a full-screen preview with a
 * Cancel button; resolves null when cancelled.
 */
@Injectable({ providedIn: 'root' })
export class BarcodeService {
  available(): boolean {
    return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  }

  async scan(): Promise<string | null> {
    const overlay = createOverlay();
    try {
      const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
      return await Promise.race([
        Detector ? this.withDetector(Detector, overlay.video) : this.withZxing(overlay.video),
        overlay.cancelled,
      ]);
    } finally {
      overlay.close();
    }
  }

  private async withDetector(
    Detector: BarcodeDetectorCtor,
    video: HTMLVideoElement,
  ): Promise<string | null> {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
    });
    try {
      video.srcObject = stream;
      await video.play();
      const detector = new Detector();
      for (let i = 0; i < 240 && video.isConnected; i++) {
        const [found] = await detector.detect(video);
        if (found?.rawValue) return found.rawValue;
        await new Promise((r) => setTimeout(r, 250));
      }
      return null;
    } finally {
      stream.getTracks().forEach((t) => t.stop());
    }
  }

  private async withZxing(video: HTMLVideoElement): Promise<string | null> {
    const { BrowserMultiFormatReader } = await import('@zxing/browser');
    const reader = new BrowserMultiFormatReader();
    const result = await reader.decodeOnceFromVideoDevice(undefined, video);
    return result.getText();
  }
}

function createOverlay(): {
  video: HTMLVideoElement;
  cancelled: Promise<null>;
  close: () => void;
} {
  const root = document.createElement('div');
  root.setAttribute('data-testid', 'barcode-scanner');
  root.style.cssText =
    'position:fixed;inset:0;z-index:99999;background:#000;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px';
  const video = document.createElement('video');
  video.setAttribute('playsinline', '');
  video.muted = true;
  video.style.cssText = 'width:100%;max-height:70vh;object-fit:cover';
  const cancel = document.createElement('button');
  cancel.textContent = 'Cancel';
  cancel.style.cssText =
    'padding:12px 28px;border-radius:24px;border:0;font-size:1rem;background:#fff;color:#000';
  root.append(video, cancel);
  document.body.append(root);
  const cancelled = new Promise<null>((resolve) =>
    cancel.addEventListener('click', () => resolve(null)),
  );
  return {
    video,
    cancelled,
    close: () => {
      const stream = video.srcObject as MediaStream | null;
      stream?.getTracks().forEach((t) => t.stop());
      root.remove();
    },
  };
}
