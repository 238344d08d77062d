/** The longest side of a photo sent to the office, in pixels. */
export const MAX_PHOTO_SIDE = 1600;
export const PHOTO_QUALITY = 0.75;

/** The size to draw an image at so neither side exceeds `max`, keeping its proportions. */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * A phone photo as a JPEG of at most 1600 px a side at quality 0.75: small enough to wait in the
 * phone's storage and to upload over a weak signal.
 */
export async function compressPhoto(source: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(source);
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the photo'))),
        'image/jpeg',
        PHOTO_QUALITY,
      ),
    );
  } finally {
    bitmap.close();
  }
}
