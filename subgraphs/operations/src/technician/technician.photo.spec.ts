import { normalizePhotoUrl } from './technician.validation';

describe('normalizePhotoUrl', () => {
  const png = `data:image/png;base64,${'A'.repeat(100)}==`;

  it('should accept an https URL or a base64 raster data URL, and clear on blank', () => {
    expect(normalizePhotoUrl(' https://cdn.example.com/p/ana.jpg ')).toBe(
      'https://cdn.example.com/p/ana.jpg',
    );
    expect(normalizePhotoUrl(png)).toBe(png);
    expect(normalizePhotoUrl('  ')).toBeNull();
    expect(normalizePhotoUrl(null)).toBeNull();
  });

  it('should refuse http, javascript, SVG and malformed data URLs, and photos over 200 KB', () => {
    const refused = [
      'http://cdn.example.com/ana.jpg',
      'javascript:alert(1)',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'data:image/png;base64,not base64!',
      'data:text/html;base64,PGgxPg==',
      `data:image/jpeg;base64,${'A'.repeat(200 * 1024)}`,
    ];
    for (const url of refused) {
      expect(() => normalizePhotoUrl(url)).toThrow(
        expect.objectContaining({ code: 'INVALID_TECHNICIAN', details: { field: 'photoUrl' } }),
      );
    }
  });
});
