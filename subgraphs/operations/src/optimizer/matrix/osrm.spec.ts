import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GreatCircleMatrixProvider } from './great-circle';
import { haversineMetres, type GeoPoint } from './matrix-provider';
import { OsrmMatrixProvider } from './osrm';

/*
 * A stand-in for osrm-routed's Table service, faithful to its HTTP API: coordinates as
 * `lng,lat;…`, `sources`/`destinations` index lists (default all), `annotations` (default
 * duration), `--max-table-size` (TooBig), 400 + {code, message} on errors, null for pairs the
 * network does not connect, durations in seconds and distances in metres rounded to 0.1.
 * Points east of 100°E are an "island": reachable only from each other.
 */
interface Fake {
  url: string;
  requests: URL[];
  maxTableSize: number;
  /** Answer every request with this error (400). */
  reject?: { code: string; message: string };
  /** Hold every response this long. */
  delayMs?: number;
  /** Answer 502 with an HTML page, as a proxy in front of OSRM would. */
  badGateway?: boolean;
}

const island = (p: readonly [number, number]): boolean => p[0] > 100;

/** Road metres and seconds between two [lng, lat] points: asymmetric, like one-way streets. */
function road(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  const metres =
    haversineMetres({ lng: a[0], lat: a[1] }, { lng: b[0], lat: b[1] }) * 1.4 +
    (a[0] < b[0] ? 250 : 0);
  return [Math.round(metres * 10) / 10, Math.round((metres / 12.5) * 10) / 10];
}

function fail(res: ServerResponse, code: string, message: string): void {
  res.writeHead(400, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify({ code, message }));
}

function indexList(raw: string | null, count: number): number[] | undefined {
  if (raw === null || raw === 'all') return Array.from({ length: count }, (_, i) => i);
  const list = raw.split(';').map(Number);
  return list.every((i) => Number.isInteger(i) && i >= 0 && i < count) ? list : undefined;
}

function handle(fake: Fake, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://osrm');
  fake.requests.push(url);
  if (fake.badGateway) {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body>502 Bad Gateway</body></html>');
    return;
  }
  if (fake.reject) return fail(res, fake.reject.code, fake.reject.message);
  const match = /^\/table\/v1\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!match) return fail(res, 'InvalidUrl', 'URL string malformed close to position 1');
  const coords = match[2]!.split(';').map((c) => c.split(',').map(Number));
  if (coords.some((c) => c.length !== 2 || !(Math.abs(c[0]!) <= 180) || !(Math.abs(c[1]!) <= 90)))
    return fail(res, 'InvalidValue', 'Invalid coordinate value.');
  for (const key of url.searchParams.keys())
    if (!['sources', 'destinations', 'annotations'].includes(key))
      return fail(res, 'InvalidQuery', 'Query string malformed close to position 0');
  const sources = indexList(url.searchParams.get('sources'), coords.length);
  const destinations = indexList(url.searchParams.get('destinations'), coords.length);
  if (!sources || !destinations) return fail(res, 'InvalidOptions', 'Index out of range');
  const annotations = (url.searchParams.get('annotations') ?? 'duration').split(',');
  if (sources.length * destinations.length > fake.maxTableSize ** 2)
    return fail(res, 'TooBig', 'Too many table coordinates');
  const points = coords as [number, number][];
  const cell = (s: number, d: number, k: 0 | 1): number | null => {
    const a = points[s]!;
    const b = points[d]!;
    if (s === d) return 0;
    if (island(a) !== island(b)) return null;
    return road(a, b)[k];
  };
  const waypoint = (i: number): object => ({
    hint: 'AAAAAAAAAAA=',
    distance: 0.5,
    name: 'Main Street',
    location: points[i],
  });
  const body: Record<string, unknown> = {
    code: 'Ok',
    sources: sources.map(waypoint),
    destinations: destinations.map(waypoint),
  };
  if (annotations.includes('duration'))
    body['durations'] = sources.map((s) => destinations.map((d) => cell(s, d, 1)));
  if (annotations.includes('distance'))
    body['distances'] = sources.map((s) => destinations.map((d) => cell(s, d, 0)));
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

let server: Server;
const timers = new Set<NodeJS.Timeout>();
const fake: Fake = { url: '', requests: [], maxTableSize: 100 };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!fake.delayMs) return handle(fake, req, res);
    const t = setTimeout(() => {
      timers.delete(t);
      handle(fake, req, res);
    }, fake.delayMs);
    timers.add(t);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  fake.requests = [];
  fake.maxTableSize = 100;
  delete fake.reject;
  delete fake.delayMs;
  delete fake.badGateway;
});

/** Around Brno, plus two points on the "island". */
const POINTS: GeoPoint[] = [
  { lat: 49.1951, lng: 16.6068 },
  { lat: 49.2, lng: 16.65 },
  { lat: 49.15, lng: 16.55 },
  { lat: 49.23, lng: 16.58 },
  { lat: 49.18, lng: 16.7 },
  { lat: 49.21, lng: 16.62 },
  { lat: 49.17, lng: 16.6 },
];

describe('OsrmMatrixProvider', () => {
  it('should query the Table service with lng,lat coordinates and convert seconds to minutes', async () => {
    const provider = new OsrmMatrixProvider({ baseUrl: `${fake.url}/`, profile: 'car' });
    const pts = POINTS.slice(0, 3);
    const m = await provider.matrix(pts);
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.pathname).toBe(
      '/table/v1/car/16.606800,49.195100;16.650000,49.200000;16.550000,49.150000',
    );
    expect(req.searchParams.get('annotations')).toBe('duration,distance');
    // One block: the whole table, so no index lists.
    expect(req.searchParams.has('sources')).toBe(false);
    expect(m.size).toBe(3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const [metres, seconds] =
          i === j ? [0, 0] : road([pts[i]!.lng, pts[i]!.lat], [pts[j]!.lng, pts[j]!.lat]);
        expect(m.distance[i * 3 + j]).toBe(metres);
        expect(m.time[i * 3 + j]).toBeCloseTo(seconds / 60, 10);
      }
    // The fake's streets are one-way-ish: the matrix keeps that asymmetry.
    expect(m.distance[0 * 3 + 1]).not.toBe(m.distance[1 * 3 + 0]);
    expect(m.time[0 * 3 + 1]).toBeGreaterThan(0);
  });

  it('should split a large table into blocks and assemble the same matrix', async () => {
    const oneShot = await new OsrmMatrixProvider({ baseUrl: fake.url }).matrix(POINTS);
    expect(fake.requests).toHaveLength(1);
    fake.requests = [];
    fake.maxTableSize = 3;
    const blocked = await new OsrmMatrixProvider({ baseUrl: fake.url, maxTableSize: 3 }).matrix(
      POINTS,
    );
    // 7 points in blocks of 3: 3 × 3 requests, each within the server's 3 × 3 limit.
    expect(fake.requests).toHaveLength(9);
    for (const req of fake.requests) {
      const sources = req.searchParams.get('sources')!.split(';');
      const destinations = req.searchParams.get('destinations')!.split(';');
      expect(sources.length * destinations.length).toBeLessThanOrEqual(9);
      expect(req.searchParams.get('annotations')).toBe('duration,distance');
    }
    // An off-diagonal block sends its rows then its columns and indexes into them.
    const offDiagonal = fake.requests.find((r) => r.searchParams.get('destinations') === '3;4;5');
    expect(offDiagonal?.searchParams.get('sources')).toBe('0;1;2');
    expect(Array.from(blocked.time)).toEqual(Array.from(oneShot.time));
    expect(Array.from(blocked.distance)).toEqual(Array.from(oneShot.distance));
  });

  it('should fail with TooBig when the server allows smaller tables than configured', async () => {
    fake.maxTableSize = 3;
    await expect(
      new OsrmMatrixProvider({ baseUrl: fake.url }).matrix(POINTS.slice(0, 4)),
    ).rejects.toThrow('OSRM table request failed (HTTP 400): TooBig: Too many table coordinates');
  });

  it('should estimate unroutable (null) pairs from the great circle', async () => {
    const fallback = new GreatCircleMatrixProvider({ roadFactor: 1.5, speedKmh: 50 });
    const pts: GeoPoint[] = [
      ...POINTS.slice(0, 2),
      { lat: 1.3, lng: 103.8 },
      { lat: 1.4, lng: 103.9 },
    ];
    const m = await new OsrmMatrixProvider({ baseUrl: fake.url, fallback }).matrix(pts);
    const n = pts.length;
    for (const [i, j] of [
      [0, 2],
      [2, 0],
      [1, 3],
      [3, 1],
    ] as const) {
      const metres = fallback.distance(pts[i]!, pts[j]!);
      expect(m.distance[i * n + j]).toBeCloseTo(metres, 6);
      expect(m.time[i * n + j]).toBeCloseTo(fallback.minutes(metres), 6);
    }
    // Pairs on the same side of the water keep OSRM's figures.
    const [metres, seconds] = road([pts[2]!.lng, pts[2]!.lat], [pts[3]!.lng, pts[3]!.lat]);
    expect(m.distance[2 * n + 3]).toBe(metres);
    expect(m.time[2 * n + 3]).toBeCloseTo(seconds / 60, 10);
    expect(m.time[2 * n + 2]).toBe(0);
  });

  it('should report an OSRM error code and message, and nothing else', async () => {
    fake.reject = { code: 'InvalidQuery', message: 'Query string malformed close to position 12' };
    const error = await new OsrmMatrixProvider({ baseUrl: fake.url })
      .matrix(POINTS.slice(0, 2))
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(error?.message).toBe(
      'OSRM table request failed (HTTP 400): InvalidQuery: Query string malformed close to position 12',
    );
    expect(error?.message).not.toContain('127.0.0.1');
    expect(error?.message).not.toContain('16.6');
  });

  it('should report a non-OSRM error page by its HTTP status', async () => {
    fake.badGateway = true;
    await expect(
      new OsrmMatrixProvider({ baseUrl: fake.url }).matrix(POINTS.slice(0, 2)),
    ).rejects.toThrow('OSRM table request failed (HTTP 502): unexpected response');
  });

  it('should time out on a slow server', async () => {
    fake.delayMs = 5_000;
    const started = Date.now();
    await expect(
      new OsrmMatrixProvider({ baseUrl: fake.url, timeoutMs: 200 }).matrix(POINTS.slice(0, 2)),
    ).rejects.toThrow('OSRM table request timed out after 200 ms');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("should stop when the caller's signal aborts", async () => {
    fake.delayMs = 5_000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      new OsrmMatrixProvider({ baseUrl: fake.url }).matrix(POINTS.slice(0, 2), controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('should report a refused connection without the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      new OsrmMatrixProvider({ baseUrl: `http://127.0.0.1:${port}` }).matrix(POINTS.slice(0, 2)),
    ).rejects.toThrow(/^OSRM table request failed: ECONNREFUSED$/);
  });

  it('should reject a malformed response shape', async () => {
    const fetchStub: typeof fetch = () =>
      Promise.resolve(Response.json({ code: 'Ok', durations: [[0, 1]], distances: [[0]] }));
    await expect(
      new OsrmMatrixProvider({ baseUrl: fake.url, fetch: fetchStub }).matrix(POINTS.slice(0, 2)),
    ).rejects.toThrow('OSRM table response has no valid 2×2 "durations"');
  });

  it('should not call the server for fewer than two points, and validate input', async () => {
    const provider = new OsrmMatrixProvider({ baseUrl: fake.url });
    expect((await provider.matrix([POINTS[0]!])).size).toBe(1);
    expect(fake.requests).toHaveLength(0);
    await expect(provider.matrix([POINTS[0]!, { lat: 0, lng: 200 }])).rejects.toThrow(/Point 1/);
    expect(() => new OsrmMatrixProvider({ baseUrl: 'ftp://x' })).toThrow(/http/);
    expect(() => new OsrmMatrixProvider({ baseUrl: fake.url, maxTableSize: 0 })).toThrow(
      /maxTableSize/,
    );
    expect(() => new OsrmMatrixProvider({ baseUrl: fake.url, profile: 'a/b' })).toThrow(/profile/);
  });
});
