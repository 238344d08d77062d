import { NAV } from './nav';

const visibleTo = (...roles: string[]) =>
  NAV.filter((i) => roles.some((r) => i.roles.includes(r))).map((i) => i.path);

describe('console navigation by role', () => {
  it('should show an analyst analytics and the explorer but not settings or dispatch', () => {
    const paths = visibleTo('ANALYST');
    expect(paths).toEqual(
      expect.arrayContaining(['analytics', 'explorer', 'work-orders', 'guests', 'arrivals']),
    );
    expect(paths).not.toContain('settings');
    expect(paths).not.toContain('dispatch');
  });

  it('should show an admin every section', () => {
    expect(visibleTo('ADMIN')).toHaveLength(NAV.length);
  });

  it('should show a technician nothing, since technicians use the app', () => {
    expect(visibleTo('TECHNICIAN')).toEqual([]);
  });
});
