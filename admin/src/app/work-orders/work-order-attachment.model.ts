import type { AttachmentKind } from '../generated/graphql';
import { formatBytes } from './work-order-format';

/** What the server accepts (it also checks that the bytes match the type). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_NAME = 200;
/** For the file input's `accept`. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.join(',');

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** What a picked file looks like to the checks (a browser `File` fits). */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

/** The file's content type; from its extension when the browser did not say. */
export function contentTypeOf(file: PickedFile): string {
  if (file.type) return file.type.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? '';
}

/** Why this file cannot be uploaded, in words; null when it can. */
export function fileProblem(file: PickedFile): string | null {
  const type = contentTypeOf(file);
  if (!(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    return `"${file.name}" is not a JPEG, PNG or WebP image or a PDF document`;
  }
  if (file.size === 0) return `"${file.name}" is empty`;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `"${file.name}" is ${formatBytes(file.size)}; attach files of at most 5 MB`;
  }
  if (file.name.trim().length === 0 || file.name.length > MAX_FILE_NAME) {
    return `Rename the file to at most ${MAX_FILE_NAME} characters before attaching it`;
  }
  return null;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}

/** Images are photos; PDFs are documents. */
export function attachmentKindOf(contentType: string): AttachmentKind {
  return isImage(contentType) ? 'PHOTO' : 'DOCUMENT';
}

/** Standard base64 of the bytes, in chunks so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A random id for an upload, so a retried upload is stored once. */
export function newClientId(source: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const c = source as Partial<Crypto>;
  // randomUUID exists only in secure contexts (https or localhost).
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
