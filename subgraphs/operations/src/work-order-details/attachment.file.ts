import type { AttachmentKind } from '@attendant/db';
import { WorkOrderDetailsError, WorkOrderDetailsErrorCode } from './work-order-details.errors';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The first bytes each accepted type starts with: the declared type must match the content. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF document',
};

const invalid = (message: string, field = 'dataBase64') =>
  new WorkOrderDetailsError(WorkOrderDetailsErrorCode.InvalidFile, message, { field });

/**
 * Decodes and checks an uploaded file: standard base64, not empty, at most 5 MB, content that is
 * what its type says (the bytes are later served with that type), and photos and signatures must
 * be images.
 */
export function decodeAttachment(input: {
  kind: AttachmentKind;
  contentType: string;
  dataBase64: string;
}): Uint8Array<ArrayBuffer> {
  checkKind(input);
  const text = input.dataBase64.replace(/\s+/g, '');
  // Checked on the encoded length first, so an oversized upload is never decoded.
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if ((text.length / 4) * 3 - padding > MAX_ATTACHMENT_BYTES) throw tooLarge();
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw invalid('The file is not valid base64');
  }
  const bytes = Buffer.from(text, 'base64');
  checkContent(input, bytes);
  return new Uint8Array(bytes);
}

/** The declared type is accepted for the kind (photos and signatures must be images). */
export function checkKind(input: { kind: AttachmentKind; contentType: string }): void {
  if (!SIGNATURES[input.contentType]) {
    throw invalid('Attach a JPEG, PNG or WebP image or a PDF document', 'contentType');
  }
  if (input.kind !== 'DOCUMENT' && !input.contentType.startsWith('image/')) {
    throw invalid(`A ${input.kind.toLowerCase()} must be an image`, 'contentType');
  }
}

/** A file's bytes: not empty, at most 5 MB, and what its declared type says. */
export function checkContent(
  input: { kind: AttachmentKind; contentType: string },
  bytes: Buffer,
): void {
  checkKind(input);
  if (bytes.length === 0) throw invalid('The file is empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
  if (!SIGNATURES[input.contentType]!(bytes)) {
    throw invalid(`The file is not a ${LABELS[input.contentType]}`);
  }
}

const tooLarge = () =>
  new WorkOrderDetailsError(
    WorkOrderDetailsErrorCode.FileTooLarge,
    'The file is larger than 5 MB; resize the photo or attach a smaller file',
    { field: 'dataBase64', maxBytes: MAX_ATTACHMENT_BYTES },
  );

/** A file name without folders or control characters, as shown to people. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned || 'attachment';
}

export function dataUrl(contentType: string, data: Uint8Array): string {
  return `data:${contentType};base64,${Buffer.from(data).toString('base64')}`;
}

/**
 * Who signed and when: a signature needs the signer's name; the time is when it was drawn on the
 * device (possibly offline), never in the future. Other kinds carry neither.
 */
export function signatureOf(input: {
  kind: AttachmentKind;
  signerName?: string | null;
  signedAt?: Date | null;
}): { signerName: string | null; signedAt: Date | null } {
  if (input.kind !== 'SIGNATURE') return { signerName: null, signedAt: null };
  const signerName = input.signerName?.trim();
  if (!signerName) throw invalid('Give the name of the person who signed', 'signerName');
  const signedAt = input.signedAt ?? new Date();
  if (signedAt.getTime() > Date.now() + 5 * 60_000) {
    throw invalid('A signature cannot be dated in the future', 'signedAt');
  }
  return { signerName, signedAt };
}
