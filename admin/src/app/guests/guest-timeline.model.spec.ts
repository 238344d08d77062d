import type { GuestTimelineEntryFragment } from '../generated/graphql';
import {
  authorsOf,
  byFeedOrder,
  expandable,
  filterOf,
  formatDuration,
  mergeEntries,
  mergeFirstPage,
  NO_FILTERS,
  parseDuration,
} from './guest-timeline.model';

let seq = 0;
const entry = (patch: Partial<GuestTimelineEntryFragment> = {}): GuestTimelineEntryFragment => ({
  id: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  at: '2026-11-22T10:00:00.000Z',
  kind: 'NOTE',
  channel: 'NOTE',
  title: 'Internal note',
  detail: 'Allergic to feathers',
  body: 'Allergic to feathers',
  author: null,
  message: null,
  note: null,
  ...patch,
});

describe('guest timeline model', () => {
  it('should order the feed newest first and break ties by id like the server when times are equal', () => {
    const a = entry({ id: 'a', at: '2026-11-22T10:00:00.000Z' });
    const b = entry({ id: 'b', at: '2026-11-22T10:00:00.000Z' });
    const older = entry({ id: 'z', at: '2026-11-22T09:00:00.000Z' });
    expect([older, a, b].sort(byFeedOrder).map((e) => e.id)).toEqual(['b', 'a', 'z']);
  });

  it('should keep one copy per id, the newest one, when pages and refetches overlap', () => {
    const first = entry({ title: 'Old title' });
    const second = entry({ at: '2026-11-22T11:00:00.000Z' });
    const merged = mergeEntries([first, second], [{ ...first, title: 'New title' }]);
    expect(merged.map((e) => [e.id, e.title])).toEqual([
      [second.id, 'Internal note'],
      [first.id, 'New title'],
    ]);
  });

  it('should drop an entry deleted elsewhere from the fresh first page’s stretch but keep older pages', () => {
    const at = (h: number) => `2026-11-22T${String(h).padStart(2, '0')}:00:00.000Z`;
    const [newest, deleted, last, older] = [14, 13, 12, 9].map((h) => entry({ at: at(h) }));
    const known = [newest!, deleted!, last!, older!];
    // The page covers 14:00 down to 12:00 and there is more: 09:00 came from "load more".
    const refreshed = mergeFirstPage(known, {
      nodes: [newest!, last!],
      pageInfo: { hasNextPage: true },
    });
    expect(refreshed.map((e) => e.at)).toEqual([at(14), at(12), at(9)]);
    // A page with nothing older is the whole timeline: what it lacks is gone, new entries arrive.
    const added = entry({ at: at(15) });
    expect(
      mergeFirstPage(known, { nodes: [added, newest!], pageInfo: { hasNextPage: false } }).map(
        (e) => e.at,
      ),
    ).toEqual([at(15), at(14)]);
    expect(mergeFirstPage(known, { nodes: [], pageInfo: { hasNextPage: false } })).toEqual([]);
  });

  it('should turn the chips into an API filter from local midnight when a range is picked', () => {
    const now = new Date(2026, 10, 22, 15, 30);
    expect(filterOf(NO_FILTERS, now)).toBeNull();
    expect(filterOf({ channels: ['CALL', 'NOTE'], range: 'ANY', userId: null }, now)).toEqual({
      channels: ['CALL', 'NOTE'],
    });
    expect(filterOf({ channels: [], range: 'TODAY', userId: 'u1' }, now)).toEqual({
      from: new Date(2026, 10, 22).toISOString(),
      userId: 'u1',
    });
    expect(filterOf({ ...NO_FILTERS, range: 'WEEK' }, now)?.from).toBe(
      new Date(2026, 10, 16).toISOString(),
    );
  });

  it('should list the signed-in user first, then each author once when entries repeat authors', () => {
    const jana = { id: 'u2', name: 'Jana' };
    const entries = [entry({ author: jana }), entry({ author: jana }), entry({ author: null })];
    expect(authorsOf(entries, { id: 'u1', name: 'Mia' })).toEqual([
      { id: 'u1', name: 'Mia (me)' },
      { id: 'u2', name: 'Jana' },
    ]);
  });

  it('should expand only entries whose body says more than their detail', () => {
    expect(expandable(entry())).toBe(false);
    expect(expandable(entry({ detail: 'Long…', body: 'Long text' }))).toBe(true);
    expect(expandable(entry({ detail: null, body: null }))).toBe(false);
  });

  it('should read call durations as minutes or m:ss and refuse anything else', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('12')).toBe(720);
    expect(parseDuration('4:05')).toBe(245);
    expect(parseDuration('4:75')).toBeNaN();
    expect(parseDuration('four')).toBeNaN();
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(null)).toBe('');
  });
});
