import { LOCATIONS_ENDPOINT, readPosition, sendPings, UploadLater } from './location-upload';

const PINGS = [
  {
    recordedAt: '2026-11-22T09:00:00.000Z',
    lat: 52.37,
    lng: 4.89,
    accuracyM: 8,
    speedMps: null,
    headingDeg: null,
  },
];

/** A gateway answering with this status and body, recording what it was sent. */
function gateway(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const send = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, send };
}

describe('sendPings', () => {
  it('should post the batch with the credential and read the position the server computed', async () => {
    const g = gateway(200, {
      accepted: 1,
      duplicates: 0,
      position: {
        id: 'tech-1',
        lat: 52.37,
        lng: 4.89,
        recordedAt: '2026-11-22T09:00:00.000Z',
        stale: false,
        travelSeconds: 420,
        distanceM: 3100,
        etaAt: '2026-11-22T09:07:00.000Z',
        nextWorkOrderId: 'job-1',
        arrivalProposedForId: null,
      },
    });

    const outcome = await sendPings('token-1', PINGS, g.send);

    expect(g.calls).toHaveLength(1);
    expect(g.calls[0]!.url).toBe(LOCATIONS_ENDPOINT);
    expect(g.calls[0]!.init.method).toBe('POST');
    expect((g.calls[0]!.init.headers as Record<string, string>)['authorization']).toBe(
      'Bearer token-1',
    );
    expect(JSON.parse(g.calls[0]!.init.body as string)).toEqual({ pings: PINGS });
    expect(outcome).toEqual({
      kind: 'stored',
      accepted: 1,
      duplicates: 0,
      position: {
        id: 'tech-1',
        recordedAt: '2026-11-22T09:00:00.000Z',
        stale: false,
        travelSeconds: 420,
        distanceM: 3100,
        etaAt: '2026-11-22T09:07:00.000Z',
        nextWorkOrderId: 'job-1',
        arrivalProposedForId: null,
      },
    });
  });

  it('should report a batch the server refuses (it can never be stored) so it is dropped', async () => {
    const g = gateway(400, {
      code: 'BAD_USER_INPUT',
      message: 'Location 0: recordedAt is in the future; check the device clock',
    });
    await expect(sendPings('t', PINGS, g.send)).resolves.toEqual({
      kind: 'refused',
      message: 'Location 0: recordedAt is in the future; check the device clock',
    });
  });

  it.each([
    [401, { code: 'UNAUTHENTICATED', message: 'Sign in to send locations' }],
    [429, { code: 'RATE_LIMITED', message: 'Too many requests; try again in 3 s' }],
    [503, { code: 'UNAVAILABLE', message: 'Try again later' }],
    [502, '<html>bad gateway</html>'],
  ])('should keep the batch for later on HTTP %i', async (status, body) => {
    const g = gateway(status, body);
    await expect(sendPings('t', PINGS, g.send)).rejects.toBeInstanceOf(UploadLater);
  });

  it('should keep the batch for later when there is no connection', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(sendPings('t', PINGS, offline)).rejects.toBeInstanceOf(UploadLater);
  });
});

describe('readPosition', () => {
  it('should read a position an older app version remembered in GraphQL shape', () => {
    expect(
      readPosition({
        id: 'tech-1',
        recordedAt: '2026-11-22T09:00:00.000Z',
        stale: true,
        travelSeconds: null,
        distanceM: null,
        etaAt: null,
        nextWorkOrder: { id: 'job-1', number: 12 },
        arrivalProposedFor: { id: 'job-1', number: 12 },
      }),
    ).toEqual({
      id: 'tech-1',
      recordedAt: '2026-11-22T09:00:00.000Z',
      stale: true,
      travelSeconds: null,
      distanceM: null,
      etaAt: null,
      nextWorkOrderId: 'job-1',
      arrivalProposedForId: 'job-1',
    });
  });

  it('should ignore anything that is not a position', () => {
    expect(readPosition(null)).toBeNull();
    expect(readPosition('x')).toBeNull();
    expect(readPosition({ id: 'tech-1' })).toBeNull();
  });
});
