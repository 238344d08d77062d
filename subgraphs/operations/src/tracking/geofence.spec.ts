import type { WorkOrderStatus } from '@attendant/db';
import { judgeGeofence, judgeTrack, type GeofenceInput } from './geofence';

const SITE = { lat: 50.08, lng: 14.42 };
const north = (metres: number) => ({ lat: SITE.lat + metres / 111_195, lng: SITE.lng });
const job = (id: string, status: WorkOrderStatus, completedAt: Date | null = null) => ({
  id,
  status,
  completedAt,
  ...SITE,
});
const base = (over: Partial<GeofenceInput>): GeofenceInput => ({
  mode: 'PROPOSE',
  radiusM: 100,
  at: SITE,
  next: null,
  previousInside: null,
  previousInsideId: null,
  completedToday: () => true,
  ...over,
});

describe('judgeGeofence', () => {
  it('should propose under PROPOSE and arrive under AUTO only for the EN_ROUTE job being entered', () => {
    const next = job('a', 'EN_ROUTE');

    expect(judgeGeofence(base({ next, at: north(90) }))).toEqual({
      insideId: 'a',
      proposeId: 'a',
      arriveId: null,
      departedId: null,
    });
    expect(judgeGeofence(base({ next, at: north(90), mode: 'AUTO' })).arriveId).toBe('a');
    expect(judgeGeofence(base({ next, at: north(90), mode: 'OFF' }))).toMatchObject({
      insideId: 'a',
      proposeId: null,
      arriveId: null,
    });
    expect(judgeGeofence(base({ next, at: north(110) })).insideId).toBeNull();
    expect(
      judgeGeofence(base({ next: job('a', 'SCHEDULED'), at: north(10) })).proposeId,
    ).toBeNull();
  });

  it('should keep a technician inside until they are a quarter beyond the radius (no flapping)', () => {
    const next = job('a', 'EN_ROUTE');

    expect(judgeGeofence(base({ next, at: north(120), previousInsideId: 'a' })).insideId).toBe('a');
    expect(
      judgeGeofence(base({ next, at: north(130), previousInsideId: 'a' })).insideId,
    ).toBeNull();
  });

  it('should report leaving a job completed today, and not one completed earlier', () => {
    const done = job('a', 'COMPLETED', new Date());
    const left = base({ next: null, previousInside: done, previousInsideId: 'a', at: north(500) });

    expect(judgeGeofence(base({ ...left, at: north(50) }))).toMatchObject({
      insideId: 'a',
      departedId: null,
    });
    expect(judgeGeofence(left)).toMatchObject({ insideId: null, departedId: 'a' });
    expect(judgeGeofence({ ...left, completedToday: () => false }).departedId).toBeNull();
  });

  it('should find the departure inside an offline batch, at the first fix that left', () => {
    const done = job('a', 'COMPLETED', new Date());
    const t = (s: number) => new Date(1_000_000 + s * 1000);
    const input = base({ previousInside: done, previousInsideId: 'a' });

    const track = judgeTrack(input, [
      { ...north(900), recordedAt: t(30) },
      { ...north(20), recordedAt: t(0) },
      { ...north(600), recordedAt: t(20) },
      { ...north(40), recordedAt: t(10) },
    ]);

    expect(track).toMatchObject({ insideId: null, departedId: 'a', departedAt: t(20) });
  });
});
