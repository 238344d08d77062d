import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedData } from './seed';
import type { SimSnapshot, SimState } from './state';

/*
 * The simulator's data on disk: one JSON file, written atomically (temporary file + rename) a
 * moment after each change and when the simulator stops, so a restart continues where it left off.
 */

const FORMAT = 'attendant-mews-sim-state';
const VERSION = 1;

interface StateFile extends SimSnapshot {
  format: typeof FORMAT;
  version: typeof VERSION;
  savedAt: string;
}

const ARRAYS = [
  'services',
  'resources',
  'companies',
  'customers',
  'addresses',
  'reservations',
] as const;
const IDS = ['enterpriseId', 'integrationId', 'adultAgeCategoryId'] as const;

/** Why `value` is not simulator data (hotel data, plus orders for a state file), or null. */
function problem(value: unknown, withOrders: boolean): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected a JSON object';
  const data = value as Record<string, unknown>;
  for (const name of IDS)
    if (typeof data[name] !== 'string' || data[name] === '') return `${name} is missing`;
  for (const name of [...ARRAYS, ...(withOrders ? (['orders'] as const) : [])])
    if (!Array.isArray(data[name])) return `${name} is not an array`;
  if (withOrders && typeof data['lastUpdateMs'] !== 'number') return 'lastUpdateMs is missing';
  return null;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `The ${what} ${file} is not valid JSON (${(error as Error).message}); fix or delete it`,
    );
  }
}

/** Hotel data to start from (e.g. exported from the platform); throws a clear error if invalid. */
export function readSeedData(file: string): SeedData {
  const data = readJson(file, 'Mews simulator initial state');
  const reason = problem(data, false);
  if (reason) throw new Error(`The Mews simulator initial state ${file} is invalid: ${reason}`);
  const seed = data as SeedData;
  return { ...seed, childAgeCategoryId: seed.childAgeCategoryId ?? '' };
}

/** The saved simulator state, or null when the file does not exist; throws when it is unusable. */
export function readStateFile(file: string): SimSnapshot | null {
  if (!existsSync(file)) return null;
  const data = readJson(file, 'Mews simulator state file');
  const saved = data as Partial<StateFile>;
  const reason =
    problem(data, true) ??
    (saved.format !== FORMAT || saved.version !== VERSION
      ? `not a version ${VERSION} simulator state file`
      : null);
  if (reason) {
    throw new Error(
      `The Mews simulator state file ${file} is invalid: ${reason}; delete it to start from the initial data`,
    );
  }
  const stored = saved as StateFile;
  return {
    enterpriseId: stored.enterpriseId,
    integrationId: stored.integrationId,
    adultAgeCategoryId: stored.adultAgeCategoryId,
    childAgeCategoryId: stored.childAgeCategoryId ?? '',
    services: stored.services,
    resources: stored.resources,
    companies: stored.companies,
    customers: stored.customers,
    addresses: stored.addresses,
    reservations: stored.reservations,
    orders: stored.orders,
    lastUpdateMs: stored.lastUpdateMs,
  };
}

/** Writes the state now: a temporary file beside the target, then an atomic rename. */
export function writeStateFile(file: string, state: SimState): void {
  const body: StateFile = {
    format: FORMAT,
    version: VERSION,
    savedAt: new Date().toISOString(),
    ...state.snapshot(),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(body));
  renameSync(tmp, file);
}

/**
 * Saves the state `debounceMs` after a change (so at most once per `debounceMs` however busy the
 * simulator is), and at once on `flush`.
 */
export class StateSaver {
  private timer: NodeJS.Timeout | null = null;
  private readonly onChange = (): void => this.schedule();

  constructor(
    private readonly state: SimState,
    private readonly file: string,
    private readonly debounceMs = 500,
  ) {
    state.on('change', this.onChange);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, this.debounceMs);
    this.timer.unref();
  }

  private save(): void {
    try {
      writeStateFile(this.file, this.state);
    } catch (error) {
      process.stderr.write(`[mews-sim] could not save ${this.file}: ${(error as Error).message}\n`);
    }
  }

  /** Writes pending changes now (and stops listening when `close`). */
  flush(close = false): void {
    const pending = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (close) this.state.off('change', this.onChange);
    if (pending) this.save();
  }
}
