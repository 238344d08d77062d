import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MailStore, SinkMail } from './store';

/*
 * The sink's mails on disk: one JSON file, written atomically (temporary file + rename) a moment
 * after each change and when the sink stops, so a restart of `npm start` keeps the outbox.
 */

const FORMAT = 'attendant-mail-sink';
const VERSION = 1;

/** The saved mails, or [] when the file does not exist; throws when it is unusable. */
export function readMailFile(file: string): SinkMail[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `The mail sink file ${file} is not readable JSON (${(error as Error).message}); fix or delete it`,
    );
  }
  const d = data as { format?: unknown; version?: unknown; mails?: unknown };
  if (d?.format !== FORMAT || d.version !== VERSION || !Array.isArray(d.mails))
    throw new Error(`The mail sink file ${file} is invalid; delete it to start empty`);
  return d.mails as SinkMail[];
}

export function writeMailFile(file: string, store: MailStore): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(
    tmp,
    JSON.stringify({
      format: FORMAT,
      version: VERSION,
      savedAt: new Date().toISOString(),
      mails: store.all(),
    }),
  );
  renameSync(tmp, file);
}

/** Saves `debounceMs` after a change, and at once on `flush`. */
export class MailSaver {
  private timer: NodeJS.Timeout | null = null;
  private readonly onChange = (): void => {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, this.debounceMs);
    this.timer.unref();
  };

  constructor(
    private readonly store: MailStore,
    private readonly file: string,
    private readonly debounceMs = 300,
  ) {
    store.on('change', this.onChange);
  }

  private save(): void {
    try {
      writeMailFile(this.file, this.store);
    } catch (error) {
      process.stderr.write(
        `[mail-sink] could not save ${this.file}: ${(error as Error).message}\n`,
      );
    }
  }

  flush(close = false): void {
    const pending = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (close) this.store.off('change', this.onChange);
    if (pending) this.save();
  }
}
