import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TwilioSimSnapshot, TwilioSimState } from './state';

/*
 * The simulator's data on disk: one JSON file, written atomically (temporary file + rename) a
 * moment after each change and when the simulator stops, so a restart continues where it left off.
 */

const FORMAT = 'attendant-twilio-sim-state';
const VERSION = 1;

interface StateFile extends TwilioSimSnapshot {
  format: typeof FORMAT;
  version: typeof VERSION;
  savedAt: string;
}

function problem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected a JSON object';
  const data = value as Partial<StateFile>;
  if (data.format !== FORMAT || data.version !== VERSION)
    return `not a version ${VERSION} Twilio simulator state file`;
  for (const name of ['messages', 'numbers', 'optOuts'] as const)
    if (!Array.isArray(data[name])) return `${name} is not an array`;
  if (typeof data.sessions !== 'object' || data.sessions === null) return 'sessions is missing';
  if (typeof data.clockOffsetMs !== 'number') return 'clockOffsetMs is missing';
  return null;
}

/** The saved state, or null when the file does not exist; throws when it is unusable. */
export function readStateFile(file: string): TwilioSimSnapshot | null {
  if (!existsSync(file)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `The Twilio simulator state file ${file} is not readable JSON (${(error as Error).message}); fix or delete it`,
    );
  }
  const reason = problem(data);
  if (reason)
    throw new Error(
      `The Twilio simulator state file ${file} is invalid: ${reason}; delete it to start empty`,
    );
  const { messages, numbers, optOuts, sessions, clockOffsetMs, contents } = data as StateFile;
  return { messages, numbers, optOuts, sessions, clockOffsetMs, contents: contents ?? [] };
}

/** Writes the state now: a temporary file beside the target, then an atomic rename. */
export function writeStateFile(file: string, state: TwilioSimState): void {
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

/** Saves `debounceMs` after a change (at most once per `debounceMs`), and at once on `flush`. */
export class StateSaver {
  private timer: NodeJS.Timeout | null = null;
  private readonly onChange = (): void => this.schedule();

  constructor(
    private readonly state: TwilioSimState,
    private readonly file: string,
    private readonly debounceMs = 300,
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
      process.stderr.write(
        `[twilio-sim] could not save ${this.file}: ${(error as Error).message}\n`,
      );
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
