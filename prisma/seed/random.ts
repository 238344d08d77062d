/*
 * Deterministic randomness for the demo seed, plus the few small helpers every seed module
 * needs (local time of an organization, template rendering). Never Math.random: the same seed
 * and the same `now` give the same data.
 */

/** mulberry32: a tiny 32-bit PRNG, uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [min, max). */
  float(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: weighted([['a', 3], ['b', 1]]) gives 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }

  /** A random code such as 'K7QX2M' (no 0/O/1/I to keep it readable). */
  code(length: number, alphabet = CODE_ALPHABET): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  hex(length: number): string {
    return this.code(length, '0123456789abcdef');
  }

  /** A point within `radiusKm` of (lat, lng), uniform over the disc. */
  near(lat: number, lng: number, radiusKm: number): { lat: number; lng: number } {
    const r = radiusKm * Math.sqrt(this.next());
    const angle = this.next() * 2 * Math.PI;
    const dLat = (r * Math.cos(angle)) / 111.32;
    const dLng = (r * Math.sin(angle)) / (111.32 * Math.cos((lat * Math.PI) / 180));
    return { lat: round(lat + dLat, 6), lng: round(lng + dLng, 6) };
  }
}

export function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

export function minDate(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}

export function maxDate(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** Midnight UTC of the day `date` falls on. */
export function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Wall-clock time of an organization: `at(day, minute)` is `minute` minutes after local midnight,
 * `day` days after the local day `now` falls on (0 = today, -1 = yesterday), as a UTC Date.
 */
export interface Clock {
  now: Date;
  at(day: number, minuteOfDay: number): Date;
  /** Minutes since today's local midnight (negative before today). */
  minuteOf(date: Date): number;
  /** Local wall-clock minute of the day `date` falls on (0..1439). */
  minuteOfDay(date: Date): number;
  /** The local day `date` falls on, relative to today (0 = today, -1 = yesterday). */
  dayOf(date: Date): number;
  /** ISO weekday (1 = Monday … 7 = Sunday) of the local day `day` days from today. */
  weekday(day: number): number;
  /** The local calendar date `day` days from today, as UTC midnight (for DATE columns). */
  date(day: number): Date;
}

export function localClock(now: Date, timeZone: string): Clock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const fields = (t: number) => {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, Number(p.value)]));
    return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
  };
  const offsetAt = (t: number) => {
    const f = fields(t);
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute) - Math.floor(t / MINUTE) * MINUTE;
  };
  const today = fields(now.getTime());
  const at = (day: number, minuteOfDay: number) => {
    const wall = Date.UTC(today.year, today.month - 1, today.day + day, 0, minuteOfDay);
    const guess = wall - offsetAt(wall);
    return new Date(wall - offsetAt(guess));
  };
  const midnight = at(0, 0).getTime();
  const date = (day: number) => new Date(Date.UTC(today.year, today.month - 1, today.day + day));
  return {
    now,
    at,
    minuteOf: (date) => Math.round((date.getTime() - midnight) / MINUTE),
    minuteOfDay: (date) => {
      const f = fields(date.getTime());
      return f.hour * 60 + f.minute;
    },
    dayOf: (d) => {
      const f = fields(d.getTime());
      return Math.round((Date.UTC(f.year, f.month - 1, f.day) - date(0).getTime()) / DAY);
    },
    weekday: (day) => ((date(day).getUTCDay() + 6) % 7) + 1,
    date,
  };
}

/** Fills {{path.to.value}} merge fields, as the communications templates do. */
export function render(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
    const value = path
      .split('.')
      .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], values);
    return value === undefined || value === null ? '' : String(value);
  });
}

/** 'Dvořák' → 'dvorak', for e-mail addresses. */
export function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}
