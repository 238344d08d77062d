import type { SyncRunFieldsFragment } from '../../generated/graphql';
import { toLocalInput } from '../../shared/format';
import { connectInputOf, lagIsHigh, newerRun, phaseCountLabel, windowProblem } from './mews.model';

const run = (over: Partial<SyncRunFieldsFragment> = {}): SyncRunFieldsFragment => ({
  id: 'run-1',
  kind: 'IMPORT',
  status: 'RUNNING',
  phase: 'customers',
  percent: 30,
  requestCount: 4,
  error: null,
  startedAt: '2026-03-18T12:00:00.000Z',
  finishedAt: null,
  counts: [],
  ...over,
});

const problemOf = (from: Date, to: Date) =>
  windowProblem(toLocalInput(from.toISOString()), toLocalInput(to.toISOString()));

describe('Mews settings logic', () => {
  it('should keep the state further along when the same run arrives out of order', () => {
    const older = run({ percent: 40 });
    const newer = run({ percent: 70 });
    expect(newerRun(newer, older)).toBe(newer);
    expect(newerRun(older, newer)).toBe(newer);
    const done = run({ status: 'COMPLETED', percent: 100 });
    expect(newerRun(done, run({ percent: 99 }))).toBe(done);
  });

  it('should show the run that started last when the pushed run is another one', () => {
    const first = run();
    const second = run({ id: 'run-2', startedAt: '2026-03-18T13:00:00.000Z', percent: 5 });
    expect(newerRun(first, second)).toBe(second);
    expect(newerRun(second, first)).toBe(second);
    expect(newerRun(null, first)).toBe(first);
    expect(newerRun(undefined, null)).toBeNull();
  });

  it('should show a phase total only when the server knows it', () => {
    expect(phaseCountLabel({ phase: 'customers', done: 300, total: null })).toBe('customers 300');
    expect(phaseCountLabel({ phase: 'reservations', done: 400, total: 400 })).toBe(
      'reservations 400/400',
    );
  });

  it('should warn about the lag when it exceeds five poll intervals', () => {
    expect(lagIsHigh(301, 60)).toBe(true);
    expect(lagIsHigh(300, 60)).toBe(false);
    expect(lagIsHigh(null, 60)).toBe(false);
  });

  it('should refuse a re-sync window when it ends before it starts or spans over a year', () => {
    const now = new Date('2026-03-18T12:00:00Z');
    const day = 86_400_000;
    expect(problemOf(new Date(now.getTime() - 7 * day), now)).toBeNull();
    expect(problemOf(now, new Date(now.getTime() - day))).toBe('order');
    expect(problemOf(new Date(now.getTime() - 400 * day), now)).toBe('tooLong');
  });

  it('should trim the connection input and leave out an empty WebSocket URL when connecting', () => {
    expect(
      connectInputOf({
        baseUrl: ' http://127.0.0.1:4010 ',
        webSocketUrl: ' ',
        clientToken: ' c ',
        accessToken: 'a',
        pollIntervalSeconds: null,
      }),
    ).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      webSocketUrl: null,
      clientToken: 'c',
      accessToken: 'a',
      pollIntervalSeconds: 60,
    });
  });
});
