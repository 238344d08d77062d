import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSolomon, solomonDir } from './solomon';

const SAMPLE = [
  'TINY1',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  3         50',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  ' ',
  '    0      0         0          0          0        100          0   ',
  '    1      3         4         10         5          20          2   ',
  '    2      0         10        20         0          50          3   ',
].join('\r\n');

const C101 = path.join(
  solomonDir(path.resolve(__dirname, '../../../../..')) ?? '/nonexistent',
  'C101.txt',
);

describe('parseSolomon', () => {
  it('should build the depot, fleet, jobs and Euclidean matrix when given a small sample', () => {
    const instance = parseSolomon(SAMPLE);
    expect(instance.name).toBe('TINY1');
    expect(instance.vehicles).toHaveLength(3);
    expect(instance.vehicles[2]).toEqual({
      id: 'v3',
      start: 0,
      end: 0,
      shift: [0, 100],
      capacity: [50],
      skills: {},
    });
    expect(instance.jobs).toEqual([
      {
        id: '1',
        location: 1,
        service: 2,
        windows: [[5, 20]],
        demand: [10],
        skills: {},
        priority: 0,
      },
      {
        id: '2',
        location: 2,
        service: 3,
        windows: [[0, 50]],
        demand: [20],
        skills: {},
        priority: 0,
      },
    ]);
    const { size, distance, time } = instance.matrix;
    expect(size).toBe(3);
    expect(distance[0 * size + 1]).toBe(5);
    expect(distance[1 * size + 2]).toBeCloseTo(Math.hypot(3, 6), 12);
    expect(distance[2 * size + 2]).toBe(0);
    expect(Array.from(time)).toEqual(Array.from(distance));
  });

  it('should reject the text when the CUSTOMER section is missing', () => {
    expect(() => parseSolomon('X\nVEHICLE\nNUMBER CAPACITY\n3 50\n')).toThrow(/CUSTOMER/);
  });

  (existsSync(C101) ? it : it.skip)(
    'should read 100 customers and 25 vehicles when given C101',
    () => {
      const instance = parseSolomon(readFileSync(C101, 'utf8'));
      expect(instance.name).toBe('C101');
      expect(instance.jobs).toHaveLength(100);
      expect(instance.matrix.size).toBe(101);
      expect(instance.vehicles).toHaveLength(25);
      expect(instance.vehicles[0]!.capacity).toEqual([200]);
      expect(instance.vehicles[0]!.shift).toEqual([0, 1236]);
      expect(instance.jobs[0]).toMatchObject({
        id: '1',
        windows: [[912, 967]],
        demand: [10],
        service: 90,
      });
      expect(instance.jobs.reduce((n, j) => n + j.demand[0]!, 0)).toBe(1810);
    },
  );
});
