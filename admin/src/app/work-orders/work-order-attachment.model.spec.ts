import {
  attachmentKindOf,
  bytesToBase64,
  contentTypeOf,
  fileProblem,
  MAX_ATTACHMENT_BYTES,
  newClientId,
  type PickedFile,
} from './work-order-attachment.model';

function file(overrides: Partial<PickedFile> = {}): PickedFile {
  return { name: 'boiler.jpg', type: 'image/jpeg', size: 120_000, ...overrides };
}

describe('fileProblem', () => {
  it('should accept JPEG, PNG, WebP and PDF files up to 5 MB', () => {
    expect(fileProblem(file())).toBeNull();
    expect(fileProblem(file({ name: 'a.png', type: 'image/png' }))).toBeNull();
    expect(fileProblem(file({ name: 'a.webp', type: 'image/webp' }))).toBeNull();
    expect(fileProblem(file({ name: 'quote.pdf', type: 'application/pdf' }))).toBeNull();
    expect(fileProblem(file({ size: MAX_ATTACHMENT_BYTES }))).toBeNull();
  });

  it('should refuse other types with a clear message', () => {
    expect(fileProblem(file({ name: 'notes.docx', type: 'application/msword' }))).toBe(
      '"notes.docx" is not a JPEG, PNG or WebP image or a PDF document',
    );
    expect(fileProblem(file({ name: 'anim.gif', type: 'image/gif' }))).toMatch(/not a JPEG/);
  });

  it('should refuse files over 5 MB and empty files', () => {
    expect(fileProblem(file({ size: MAX_ATTACHMENT_BYTES + 1 }))).toBe(
      '"boiler.jpg" is 5.0 MB; attach files of at most 5 MB',
    );
    expect(fileProblem(file({ size: 0 }))).toBe('"boiler.jpg" is empty');
  });

  it('should refuse a file name longer than the server allows', () => {
    expect(fileProblem(file({ name: `${'x'.repeat(200)}.jpg` }))).toMatch(/at most 200/);
  });
});

describe('contentTypeOf', () => {
  it('should fall back to the extension when the browser gives no type', () => {
    expect(contentTypeOf(file({ name: 'scan.PDF', type: '' }))).toBe('application/pdf');
    expect(contentTypeOf(file({ name: 'photo.jpeg', type: '' }))).toBe('image/jpeg');
    expect(contentTypeOf(file({ name: 'noext', type: '' }))).toBe('');
  });
});

describe('attachmentKindOf', () => {
  it('should file images as photos and PDFs as documents', () => {
    expect(attachmentKindOf('image/png')).toBe('PHOTO');
    expect(attachmentKindOf('application/pdf')).toBe('DOCUMENT');
  });
});

describe('bytesToBase64', () => {
  it('should encode like standard base64 when the file is small', () => {
    expect(bytesToBase64(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe('JVBERi0=');
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
  });

  it('should encode a file larger than one chunk without losing bytes', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('newClientId', () => {
  it('should use randomUUID when the browser has it', () => {
    const source = { randomUUID: () => 'uuid-1', getRandomValues: <T>(a: T) => a } as never;
    expect(newClientId(source)).toBe('uuid-1');
  });

  it('should make a 32-digit hex id from random bytes otherwise', () => {
    const source = {
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        (a as unknown as Uint8Array).fill(171);
        return a;
      },
    };
    expect(newClientId(source)).toBe('ab'.repeat(16));
  });

  it('should give different ids for two uploads', () => {
    expect(newClientId()).not.toBe(newClientId());
  });
});
