import { linkState, sortLinks, type TrackingLinkRow } from './work-order-tracking.model';

const NOW = Date.parse('2026-05-12T10:00:00.000Z');

function link(overrides: Partial<TrackingLinkRow> = {}): TrackingLinkRow {
  return {
    id: 'l1',
    createdAt: '2026-05-12T08:00:00.000Z',
    expiresAt: '2026-05-13T08:00:00.000Z',
    revokedAt: null,
    viewCount: 0,
    lastViewedAt: null,
    ...overrides,
  };
}

describe('work order tracking links', () => {
  it('should call a link revoked before expired, and active until it expires', () => {
    expect(linkState(link(), NOW)).toBe('ACTIVE');
    expect(linkState(link({ expiresAt: '2026-05-12T09:59:59.000Z' }), NOW)).toBe('EXPIRED');
    expect(
      linkState(
        link({ expiresAt: '2026-05-12T09:00:00.000Z', revokedAt: '2026-05-12T08:30:00.000Z' }),
        NOW,
      ),
    ).toBe('REVOKED');
  });

  it('should list the newest link first', () => {
    const older = link({ id: 'old', createdAt: '2026-05-10T08:00:00.000Z' });
    const newer = link({ id: 'new' });
    expect(sortLinks([older, newer]).map((l) => l.id)).toEqual(['new', 'old']);
  });
});
