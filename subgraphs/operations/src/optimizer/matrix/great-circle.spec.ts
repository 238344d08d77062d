import { GreatCircleMatrixProvider } from './great-circle';
import { haversineMetres, type GeoPoint } from './matrix-provider';

const PRAGUE: GeoPoint = { lat: 50.0755, lng: 14.4378 };
const VIENNA: GeoPoint = { lat: 48.2082, lng: 16.3738 };
const LONDON: GeoPoint = { lat: 51.5074, lng: -0.1278 };
const PARIS: GeoPoint = { lat: 48.8566, lng: 2.3522 };
const NEW_YORK: GeoPoint = { lat: 40.7128, lng: -74.006 };

describe('haversineMetres', () => {
  it('should match known straight-line distances', () => {
    // City-centre coordinates; published figures are 251–252 km, 344 km and 5,570 km.
    expect(haversineMetres(PRAGUE, VIENNA) / 1000).toBeCloseTo(250.9, 0);
    expect(haversineMetres(LONDON, PARIS) / 1000).toBeCloseTo(343.6, 0);
    expect(haversineMetres(NEW_YORK, LONDON) / 1000).toBeCloseTo(5570, -1);
    // One degree of longitude on the equator: 2πR / 360 with R = 6371.0088 km.
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111_195.08, 1);
  });

  it('should be zero for identical points and finite for antipodes', () => {
    expect(haversineMetres(PRAGUE, PRAGUE)).toBe(0);
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 }) / 1000).toBeCloseTo(
      Math.PI * 6371.0088,
      3,
    );
  });
});

describe('GreatCircleMatrixProvider', () => {
  const points = [PRAGUE, VIENNA, LONDON, PARIS, PRAGUE];

  it('should return a symmetric matrix with a zero diagonal in metres and minutes', async () => {
    const m = await new GreatCircleMatrixProvider().matrix(points);
    const n = points.length;
    expect(m.size).toBe(n);
    expect(m.time).toHaveLength(n * n);
    expect(m.distance).toHaveLength(n * n);
    for (let i = 0; i < n; i++) {
      expect(m.time[i * n + i]).toBe(0);
      expect(m.distance[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        expect(m.time[i * n + j]).toBe(m.time[j * n + i]);
        expect(m.distance[i * n + j]).toBe(m.distance[j * n + i]);
      }
    }
    // Prague appears twice: the same place, so nothing to travel.
    expect(m.distance[0 * n + 4]).toBe(0);
    // Defaults: ×1.3 road factor at 40 km/h.
    const straight = haversineMetres(PRAGUE, VIENNA);
    expect(m.distance[0 * n + 1]).toBeCloseTo(straight * 1.3, 6);
    expect(m.time[0 * n + 1]).toBeCloseTo(((straight * 1.3) / 1000 / 40) * 60, 6);
  });

  it('should apply the road factor to distance and the speed to time', async () => {
    const base = await new GreatCircleMatrixProvider({ roadFactor: 1, speedKmh: 60 }).matrix(
      points,
    );
    const custom = await new GreatCircleMatrixProvider({ roadFactor: 2, speedKmh: 30 }).matrix(
      points,
    );
    const at = 0 * points.length + 1;
    expect(base.distance[at]).toBeCloseTo(haversineMetres(PRAGUE, VIENNA), 6);
    // 250.87 km at 60 km/h ≈ 250.87 minutes.
    expect(base.time[at]).toBeCloseTo(haversineMetres(PRAGUE, VIENNA) / 1000, 6);
    expect(custom.distance[at]! / base.distance[at]!).toBeCloseTo(2, 10);
    // Twice the distance at half the speed: four times as long.
    expect(custom.time[at]! / base.time[at]!).toBeCloseTo(4, 10);
  });

  it('should handle no points and one point', async () => {
    const provider = new GreatCircleMatrixProvider();
    expect((await provider.matrix([])).size).toBe(0);
    const one = await provider.matrix([PRAGUE]);
    expect(one.size).toBe(1);
    expect(Array.from(one.time)).toEqual([0]);
  });

  it('should reject coordinates out of range, naming the index', async () => {
    const provider = new GreatCircleMatrixProvider();
    await expect(provider.matrix([PRAGUE, { lat: 91, lng: 0 }])).rejects.toThrow(
      /Point 1: latitude must be a number from -90 to 90/,
    );
    await expect(provider.matrix([PRAGUE, VIENNA, { lat: 0, lng: -180.5 }])).rejects.toThrow(
      /Point 2: longitude must be a number from -180 to 180/,
    );
    await expect(provider.matrix([{ lat: Number.NaN, lng: 0 }])).rejects.toThrow(/Point 0/);
  });

  it('should reject non-positive options and an aborted signal', async () => {
    expect(() => new GreatCircleMatrixProvider({ roadFactor: 0 })).toThrow(/roadFactor/);
    expect(() => new GreatCircleMatrixProvider({ speedKmh: -1 })).toThrow(/speedKmh/);
    await expect(
      new GreatCircleMatrixProvider().matrix([PRAGUE], AbortSignal.abort()),
    ).rejects.toThrow(/abort/i);
  });
});
