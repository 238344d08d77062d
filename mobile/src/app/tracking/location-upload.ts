import type { nextBatch } from './ping-batches';

/** The gateway's lean ingest: no GraphQL planning per ping (a fleet sends hundreds a second). */
export const LOCATIONS_ENDPOINT = '/api/locations';

/** The technician's position as the server computed it from their latest fix. */
export interface MyPosition {
  id: string;
  recordedAt: string;
  stale: boolean;
  travelSeconds: number | null;
  distanceM: number | null;
  etaAt: string | null;
  /** The job the ETA is for. */
  nextWorkOrderId: string | null;
  /** Geofence PROPOSE: the job to offer "Mark arrived" for. */
  arrivalProposedForId: string | null;
}

export type UploadOutcome =
  /** Stored (replays included: the server keeps one ping per time). */
  | { kind: 'stored'; accepted: number; duplicates: number; position: MyPosition | null }
  /** The server will never take this batch (e.g. a fix from a wrong device clock): drop it. */
  | { kind: 'refused'; message: string };

/** Thrown when the batch should be kept and sent again later (offline, signed out, server down). */
export class UploadLater extends Error {}

type Pings = ReturnType<typeof nextBatch>['input'];

/** Sends one batch of fixes with the technician's credential. */
export async function sendPings(
  token: string,
  pings: Pings,
  send: typeof fetch = (input, init) => fetch(input, init),
): Promise<UploadOutcome> {
  let res: Response;
  try {
    res = await send(LOCATIONS_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ pings }),
    });
  } catch {
    throw new UploadLater('No connection');
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status === 200 && body) {
    return {
      kind: 'stored',
      accepted: Number(body['accepted'] ?? 0),
      duplicates: Number(body['duplicates'] ?? 0),
      position: readPosition(body['position']),
    };
  }
  if (res.status === 400) {
    return { kind: 'refused', message: String(body?.['message'] ?? 'Locations refused') };
  }
  throw new UploadLater(String(body?.['message'] ?? `HTTP ${res.status}`));
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const idOf = (v: unknown): string | null =>
  text(v) ?? text((v as { id?: unknown } | null | undefined)?.id);

/**
 * A position from the server's answer or from the device database; positions an older app
 * version remembered (GraphQL's `nextWorkOrder { id }` objects) read the same.
 */
export function readPosition(value: unknown): MyPosition | null {
  if (!value || typeof value !== 'object') return null;
  const p = value as Record<string, unknown>;
  const id = text(p['id']);
  const recordedAt = text(p['recordedAt']);
  if (!id || !recordedAt) return null;
  return {
    id,
    recordedAt,
    stale: p['stale'] === true,
    travelSeconds: num(p['travelSeconds']),
    distanceM: num(p['distanceM']),
    etaAt: text(p['etaAt']),
    nextWorkOrderId: idOf(p['nextWorkOrderId'] ?? p['nextWorkOrder']),
    arrivalProposedForId: idOf(p['arrivalProposedForId'] ?? p['arrivalProposedFor']),
  };
}
