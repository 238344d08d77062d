import { crc32, deflateSync } from 'node:zlib';

/*
 * The random offline scenario: a seeded generator of technician actions over a few jobs, with
 * the network dropping and coming back, reloads and duplicated deliveries mixed in. It keeps a
 * model of what the server must end up holding, so the test can check "every change exactly
 * once" without trusting the app.
 */

export type Status =
  'DISPATCHED' | 'EN_ROUTE' | 'ARRIVED' | 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED';

export type ScenarioAction =
  | { type: 'open'; job: number }
  | { type: 'status'; job: number; to: Status; reason?: string }
  | { type: 'tick'; job: number; index: number; done: boolean }
  | { type: 'addItem'; job: number; label: string }
  | { type: 'note'; job: number; body: string }
  | { type: 'part'; job: number; description: string; sku: string; quantity: number }
  | { type: 'logTime'; job: number; minutes: number; note: string }
  | { type: 'startTimer'; job: number }
  | { type: 'stopTimer'; job: number }
  | { type: 'photo'; job: number }
  | { type: 'signature'; job: number; signer: string }
  | { type: 'offline' }
  | { type: 'online' }
  | { type: 'reload' };

/** What one job must look like on the server at the end. */
export interface JobModel {
  status: Status;
  items: { label: string; done: boolean }[];
  notes: string[];
  parts: { description: string; sku: string; quantity: number }[];
  logs: { minutes: number; note: string }[];
  timerRuns: number;
  timerRunning: boolean;
  photos: number;
  signatures: string[];
}

export interface Scenario {
  seed: number;
  actions: ScenarioAction[];
  jobs: JobModel[];
}

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEXT: Record<Status, Status[]> = {
  DISPATCHED: ['EN_ROUTE'],
  EN_ROUTE: ['ARRIVED'],
  ARRIVED: ['IN_PROGRESS'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD'],
  ON_HOLD: ['IN_PROGRESS'],
  COMPLETED: [],
};

type Kind =
  | 'open'
  | 'status'
  | 'tick'
  | 'addItem'
  | 'note'
  | 'part'
  | 'logTime'
  | 'timer'
  | 'photo'
  | 'signature'
  | 'network'
  | 'reload';

// Relative frequencies; photos and signatures are costly in a browser, so rarer.
const WEIGHTS: [Kind, number][] = [
  ['open', 6],
  ['status', 5],
  ['tick', 14],
  ['addItem', 5],
  ['note', 16],
  ['part', 9],
  ['logTime', 6],
  ['timer', 7],
  ['photo', 3],
  ['signature', 1],
  ['network', 8],
  ['reload', 3],
];

/**
 * `count` actions over jobs that start DISPATCHED with `checklist` items each. Only actions valid
 * for the model's current state are produced (the app would not offer the others).
 */
export function generateScenario(
  seed: number,
  count: number,
  jobCount: number,
  checklist: string[],
): Scenario {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const jobs: JobModel[] = Array.from({ length: jobCount }, () => ({
    status: 'DISPATCHED',
    items: checklist.map((label) => ({ label, done: false })),
    notes: [],
    parts: [],
    logs: [],
    timerRuns: 0,
    timerRunning: false,
    photos: 0,
    signatures: [],
  }));
  const actions: ScenarioAction[] = [];
  let current = -1;
  let online = true;
  const total = WEIGHTS.reduce((n, [, w]) => n + w, 0);
  const tag = (i: number) => `s${seed}-a${i}`;

  while (actions.length < count) {
    const i = actions.length;
    if (current < 0) {
      current = Math.floor(random() * jobCount);
      actions.push({ type: 'open', job: current });
      continue;
    }
    const job = jobs[current]!;
    const closed = job.status === 'COMPLETED';
    let roll = random() * total;
    const kind = WEIGHTS.find(([, w]) => (roll -= w) < 0)![0];
    switch (kind) {
      case 'open': {
        const next = Math.floor(random() * jobCount);
        if (next === current) continue;
        current = next;
        actions.push({ type: 'open', job: current });
        break;
      }
      case 'status': {
        const options = NEXT[job.status];
        // Completing ends the job's edits: keep it for the second half of the run.
        const allowed = options.filter((s) => s !== 'COMPLETED' || i > count / 2);
        if (allowed.length === 0) continue;
        const to = pick(allowed);
        actions.push(
          to === 'ON_HOLD'
            ? { type: 'status', job: current, to, reason: `waiting ${tag(i)}` }
            : { type: 'status', job: current, to },
        );
        // Completing stops a running timer first (as the app does).
        if (to === 'COMPLETED') job.timerRunning = false;
        job.status = to;
        break;
      }
      case 'tick': {
        if (closed || job.items.length === 0) continue;
        const index = Math.floor(random() * job.items.length);
        const item = job.items[index]!;
        item.done = !item.done;
        actions.push({ type: 'tick', job: current, index, done: item.done });
        break;
      }
      case 'addItem': {
        if (closed) continue;
        const label = `Step ${tag(i)}`;
        job.items.push({ label, done: false });
        actions.push({ type: 'addItem', job: current, label });
        break;
      }
      case 'note': {
        const body = `Note ${tag(i)}`;
        job.notes.push(body);
        actions.push({ type: 'note', job: current, body });
        break;
      }
      case 'part': {
        if (closed) continue;
        const part = {
          description: `Part ${tag(i)}`,
          sku: `SKU-${i}`,
          quantity: 1 + Math.floor(random() * 4),
        };
        job.parts.push(part);
        actions.push({ type: 'part', job: current, ...part });
        break;
      }
      case 'logTime': {
        if (closed) continue;
        const log = { minutes: 5 + Math.floor(random() * 55), note: `Work ${tag(i)}` };
        job.logs.push(log);
        actions.push({ type: 'logTime', job: current, ...log });
        break;
      }
      case 'timer': {
        if (closed) continue;
        if (job.timerRunning) {
          job.timerRunning = false;
          actions.push({ type: 'stopTimer', job: current });
        } else {
          job.timerRunning = true;
          job.timerRuns += 1;
          actions.push({ type: 'startTimer', job: current });
        }
        break;
      }
      case 'photo': {
        if (closed) continue;
        job.photos += 1;
        actions.push({ type: 'photo', job: current });
        break;
      }
      case 'signature': {
        if (closed) continue;
        const signer = `Signer ${tag(i)}`;
        job.signatures.push(signer);
        actions.push({ type: 'signature', job: current, signer });
        break;
      }
      case 'network': {
        online = !online;
        actions.push({ type: online ? 'online' : 'offline' });
        // Half the time the page reloads right as the queue starts going out.
        if (online && random() < 0.5 && actions.length < count) actions.push({ type: 'reload' });
        break;
      }
      case 'reload':
        actions.push({ type: 'reload' });
        break;
    }
  }
  return { seed, actions: actions.slice(0, count), jobs };
}

/** A small valid PNG of one colour (the "photo" a file chooser gets). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
