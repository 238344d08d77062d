import { createLogger } from '@attendant/kit';
import { GreatCircleMatrixProvider } from '../optimizer/matrix/great-circle';
import type { GeoPoint, MatrixProvider } from '../optimizer/matrix/matrix-provider';
import { EtaEstimator, NO_ETA } from './eta';

const SITE = { lat: 50.08, lng: 14.42 };
const north = (metres: number) => ({ lat: SITE.lat + metres / 111_195, lng: SITE.lng });

/** Counts provider calls; answers like the great-circle estimate (or fails when told). */
function countingProvider(fail = false) {
  const inner = new GreatCircleMatrixProvider();
  const provider: MatrixProvider & { calls: number } = {
    name: 'counting',
    calls: 0,
    matrix(points: readonly GeoPoint[]) {
      provider.calls++;
      return fail ? Promise.reject(new Error('down')) : inner.matrix(points);
    },
  };
  return provider;
}

describe('EtaEstimator', () => {
  const logger = createLogger('eta-spec', 'silent');
  let clock = 0;
  const job = { id: 'job-1', site: SITE };

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('should ask the provider at most every 30 s unless the job changes or the technician moves 300 m', async () => {
    const provider = countingProvider();
    const eta = new EtaEstimator(provider, logger, () => clock);
    const at = new Date(clock);

    const first = await eta.eta('t1', north(5000), at, job, null);
    const stored = { ...first, nextWorkOrderId: job.id };
    clock += 10_000;
    const near = await eta.eta('t1', north(4900), new Date(clock), job, stored);
    clock += 5_000;
    await eta.eta('t1', north(4500), new Date(clock), job, stored);
    const callsAfterMove = provider.calls;
    await eta.eta('t1', north(4500), new Date(clock), { id: 'job-2', site: SITE }, stored);
    const callsAfterJobChange = provider.calls;
    clock += 31_000;
    await eta.eta(
      't1',
      north(4500),
      new Date(clock),
      { id: 'job-2', site: SITE },
      {
        ...stored,
        nextWorkOrderId: 'job-2',
      },
    );

    expect(near).toEqual(first);
    expect(callsAfterMove).toBe(2);
    expect(callsAfterJobChange).toBe(3);
    expect(provider.calls).toBe(4);
  });

  it('should give no ETA without a job or a site, and estimate when the provider fails', async () => {
    const eta = new EtaEstimator(countingProvider(true), logger, () => clock);

    const none = await eta.eta('t1', north(100), new Date(clock), null, null);
    const noSite = await eta.eta('t1', north(100), new Date(clock), { id: 'j', site: null }, null);
    const estimated = await eta.eta('t1', north(1000), new Date(clock), job, null);

    expect(none).toEqual(NO_ETA);
    expect(noSite).toEqual(NO_ETA);
    expect(estimated.distanceM).toBe(1300);
    expect(estimated.etaAt!.getTime()).toBe(clock + estimated.travelSeconds! * 1000);
  });
});
