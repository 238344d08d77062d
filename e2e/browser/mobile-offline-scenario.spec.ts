import { crc32 } from 'node:zlib';
import { generateScenario, solidPng, type Status } from './offline-scenario';

const NEXT: Record<Status, Status[]> = {
  DISPATCHED: ['EN_ROUTE'],
  EN_ROUTE: ['ARRIVED'],
  ARRIVED: ['IN_PROGRESS'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD'],
  ON_HOLD: ['IN_PROGRESS'],
  COMPLETED: [],
};

describe('offline scenario generator', () => {
  it('should produce the same run for the same seed', () => {
    expect(generateScenario(7, 200, 3, ['a'])).toEqual(generateScenario(7, 200, 3, ['a']));
    expect(generateScenario(7, 200, 3, ['a']).actions).not.toEqual(
      generateScenario(8, 200, 3, ['a']).actions,
    );
  });

  it('should only produce actions the app offers in the current state', () => {
    for (const seed of [1, 2, 3, 42, 20260314]) {
      const { actions, jobs } = generateScenario(seed, 500, 3, ['a', 'b']);
      expect(actions).toHaveLength(500);
      const status: Status[] = jobs.map(() => 'DISPATCHED');
      const running = jobs.map(() => false);
      let current = -1;
      for (const action of actions) {
        if (action.type === 'open') current = action.job;
        if (!('job' in action) || action.type === 'open') continue;
        expect(action.job).toBe(current);
        const closed = status[current] === 'COMPLETED';
        if (action.type === 'status') {
          expect(NEXT[status[current]!]).toContain(action.to);
          if (action.to === 'COMPLETED') running[current] = false;
          status[current] = action.to;
        } else if (action.type === 'startTimer') {
          expect(running[current]).toBe(false);
          running[current] = true;
        } else if (action.type === 'stopTimer') {
          expect(running[current]).toBe(true);
          running[current] = false;
        }
        if (closed) expect(action.type).toBe('note');
      }
      expect(jobs.map((j) => j.status)).toEqual(status);
    }
  });

  it('should write unique bodies so the server can be checked for exactly once', () => {
    const { jobs } = generateScenario(99, 500, 3, []);
    const bodies = jobs.flatMap((j) => [...j.notes, ...j.parts.map((p) => p.description)]);
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it('should make a valid PNG', () => {
    const png = solidPng(4, 3, [1, 2, 3]);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const ihdr = png.subarray(8, 8 + 25);
    expect(ihdr.readUInt32BE(8)).toBe(4);
    expect(ihdr.readUInt32BE(21)).toBe(crc32(ihdr.subarray(4, 21)));
  });
});
