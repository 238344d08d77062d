import type {
  CreateTechnicianInput,
  TechnicianDetailFragment,
  UpdateTechnicianInput,
} from '../generated/graphql';
import type { FieldErrors } from '../shared/form-rules';
import { fromTimeInput, toTimeInput } from '../shared/time-of-day';
import { normalizeDays } from '../shared/weekdays';

/** Technicians and teams are settings: admins and managers change them, dispatchers read. */
export const TECHNICIAN_EDITORS = ['ADMIN', 'MANAGER'] as const;

/** In the edit form, the linked user is left as it is unless chosen (the API does not say it). */
export const KEEP_USER = '__keep__';

/** What the technician form holds: times as "HH:mm", numbers as typed. */
export interface TechnicianFormValue {
  name: string;
  email: string;
  phone: string;
  teamId: string;
  homeAddress: string;
  homeLat: number | null;
  homeLng: number | null;
  vehicle: string;
  vehicleCapacity: number | null;
  shiftStart: string;
  shiftEnd: string;
  workDays: number[];
  maxJobsPerDay: number | null;
  /** '' = no linked user, KEEP_USER = unchanged (edit only), else a user id. */
  userId: string;
}

export type TechnicianField = keyof TechnicianFormValue;

/** A new technician: the server's defaults (08:00–17:00, Monday to Friday, 8 jobs a day). */
export function newTechnicianForm(): TechnicianFormValue {
  return {
    name: '',
    email: '',
    phone: '',
    teamId: '',
    homeAddress: '',
    homeLat: null,
    homeLng: null,
    vehicle: '',
    vehicleCapacity: null,
    shiftStart: '08:00',
    shiftEnd: '17:00',
    workDays: [1, 2, 3, 4, 5],
    maxJobsPerDay: 8,
    userId: '',
  };
}

export function technicianFormOf(t: TechnicianDetailFragment): TechnicianFormValue {
  return {
    name: t.name,
    email: t.email ?? '',
    phone: t.phone ?? '',
    teamId: t.team?.id ?? '',
    homeAddress: t.homeAddress ?? '',
    homeLat: t.homeLat ?? null,
    homeLng: t.homeLng ?? null,
    vehicle: t.vehicle ?? '',
    vehicleCapacity: t.vehicleCapacity ?? null,
    shiftStart: toTimeInput(t.shiftStartMin),
    shiftEnd: toTimeInput(t.shiftEndMin),
    workDays: normalizeDays(t.workDays),
    maxJobsPerDay: t.maxJobsPerDay,
    userId: KEEP_USER,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

/** `+420 601-234 567` → `+420601234567`, like the server; null when it is not a valid number. */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  const phone = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return PHONE.test(phone) ? phone : null;
}

const isInt = (v: number | null): v is number => v != null && Number.isInteger(v);

/**
 * The server's rules for a technician (technician.validation.ts and the input decorators),
 * with its messages, so most mistakes show before a round trip. Empty when valid.
 */
export function validateTechnician(v: TechnicianFormValue): FieldErrors<TechnicianField> {
  const e: FieldErrors<TechnicianField> = {};
  const name = v.name.trim();
  if (name.length < 2 || name.length > 80) e.name = 'Give a name of 2 to 80 characters';
  const email = v.email.trim();
  if (email && (email.length > 200 || !EMAIL.test(email))) e.email = 'Give a valid email address';
  if (v.phone.trim() && !normalizePhone(v.phone))
    e.phone = 'Give the phone in international format, like +420 601 234 567';
  if (v.homeAddress.trim().length > 300)
    e.homeAddress = 'Home address must be at most 300 characters';
  if ((v.homeLat == null) !== (v.homeLng == null)) {
    e[v.homeLat == null ? 'homeLat' : 'homeLng'] =
      'Give the home base latitude and longitude together';
  }
  if (v.homeLat != null && !(v.homeLat >= -90 && v.homeLat <= 90))
    e.homeLat = 'Latitude must be between -90 and 90';
  if (v.homeLng != null && !(v.homeLng >= -180 && v.homeLng <= 180))
    e.homeLng = 'Longitude must be between -180 and 180';
  if (v.vehicle.trim().length > 80) e.vehicle = 'Vehicle must be at most 80 characters';
  if (v.vehicleCapacity != null && (!isInt(v.vehicleCapacity) || v.vehicleCapacity < 0))
    e.vehicleCapacity = 'Vehicle capacity must be a whole number, 0 or more';
  const start = fromTimeInput(v.shiftStart);
  const end = fromTimeInput(v.shiftEnd, true);
  if (start === null) e.shiftStart = 'Give the shift start as HH:mm';
  if (end === null) e.shiftEnd = 'Give the shift end as HH:mm';
  else if (start !== null && end <= start) e.shiftEnd = 'The shift must end after it starts';
  if (normalizeDays(v.workDays).length === 0) e.workDays = 'Choose at least one work day';
  if (!isInt(v.maxJobsPerDay) || v.maxJobsPerDay < 1 || v.maxJobsPerDay > 30)
    e.maxJobsPerDay = 'Max jobs per day must be 1 to 30';
  return e;
}

const text = (s: string): string | null => s.trim() || null;

export function createTechnicianInput(v: TechnicianFormValue): CreateTechnicianInput {
  const input: CreateTechnicianInput = {
    name: v.name.trim(),
    shiftStartMin: fromTimeInput(v.shiftStart) ?? 480,
    shiftEndMin: fromTimeInput(v.shiftEnd, true) ?? 1020,
    workDays: normalizeDays(v.workDays),
    maxJobsPerDay: v.maxJobsPerDay ?? 8,
  };
  const email = text(v.email);
  if (email) input.email = email;
  const phone = text(v.phone);
  if (phone) input.phone = normalizePhone(phone) ?? phone;
  if (v.teamId) input.teamId = v.teamId;
  const address = text(v.homeAddress);
  if (address) input.homeAddress = address;
  if (v.homeLat != null && v.homeLng != null) {
    input.homeLat = v.homeLat;
    input.homeLng = v.homeLng;
  }
  const vehicle = text(v.vehicle);
  if (vehicle) input.vehicle = vehicle;
  if (v.vehicleCapacity != null) input.vehicleCapacity = v.vehicleCapacity;
  if (v.userId && v.userId !== KEEP_USER) input.userId = v.userId;
  return input;
}

/** Only the fields that differ from `before`; null clears an optional field. */
export function updateTechnicianInput(
  v: TechnicianFormValue,
  before: TechnicianFormValue,
): UpdateTechnicianInput {
  const input: UpdateTechnicianInput = {};
  if (v.name.trim() !== before.name.trim()) input.name = v.name.trim();
  if (v.email.trim() !== before.email.trim()) input.email = text(v.email);
  if (v.phone.trim() !== before.phone.trim()) {
    const phone = text(v.phone);
    input.phone = phone ? (normalizePhone(phone) ?? phone) : null;
  }
  if (v.teamId !== before.teamId) input.teamId = v.teamId || null;
  if (v.homeAddress.trim() !== before.homeAddress.trim()) input.homeAddress = text(v.homeAddress);
  if (v.homeLat !== before.homeLat || v.homeLng !== before.homeLng) {
    input.homeLat = v.homeLat;
    input.homeLng = v.homeLng;
  }
  if (v.vehicle.trim() !== before.vehicle.trim()) input.vehicle = text(v.vehicle);
  if (v.vehicleCapacity !== before.vehicleCapacity) input.vehicleCapacity = v.vehicleCapacity;
  const start = fromTimeInput(v.shiftStart);
  const end = fromTimeInput(v.shiftEnd, true);
  if (start !== null && start !== fromTimeInput(before.shiftStart)) input.shiftStartMin = start;
  if (end !== null && end !== fromTimeInput(before.shiftEnd, true)) input.shiftEndMin = end;
  const days = normalizeDays(v.workDays);
  if (days.join() !== normalizeDays(before.workDays).join()) input.workDays = days;
  if (v.maxJobsPerDay !== before.maxJobsPerDay && v.maxJobsPerDay != null)
    input.maxJobsPerDay = v.maxJobsPerDay;
  if (v.userId !== KEEP_USER && v.userId !== before.userId) input.userId = v.userId || null;
  return input;
}

/** Server field names (after `input.`) → form fields. */
export function technicianFieldOf(field: string): TechnicianField | null {
  const name = field.replace(/^input\./, '');
  if (name === 'shiftStartMin') return 'shiftStart';
  if (name === 'shiftEndMin') return 'shiftEnd';
  const fields: readonly TechnicianField[] = Object.keys(newTechnicianForm()) as TechnicianField[];
  return fields.includes(name as TechnicianField) ? (name as TechnicianField) : null;
}

// --- Skills ----------------------------------------------------------------------------------

export const SKILL_LEVELS = [1, 2, 3] as const;
export const LEVEL_NAMES: Record<number, string> = { 1: 'Basic', 2: 'Skilled', 3: 'Expert' };

export interface SkillDraft {
  skillId: string;
  name: string;
  level: number;
}

export function skillDraftsOf(t: Pick<TechnicianDetailFragment, 'skills'>): SkillDraft[] {
  return sortSkills(
    t.skills.map((s) => ({ skillId: s.skill.id, name: s.skill.name, level: s.level })),
  );
}

const sortSkills = (list: SkillDraft[]) =>
  [...list].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));

/** Adds a skill, or changes its level when already held. */
export function withSkill(list: readonly SkillDraft[], skill: SkillDraft): SkillDraft[] {
  const level = clampLevel(skill.level);
  return list.some((s) => s.skillId === skill.skillId)
    ? list.map((s) => (s.skillId === skill.skillId ? { ...s, level } : s))
    : sortSkills([...list, { ...skill, level }]);
}

export const withoutSkill = (list: readonly SkillDraft[], skillId: string): SkillDraft[] =>
  list.filter((s) => s.skillId !== skillId);

const clampLevel = (level: number) => Math.min(3, Math.max(1, Math.round(level) || 1));

export const skillsInput = (list: readonly SkillDraft[]) =>
  list.map((s) => ({ skillId: s.skillId, level: s.level }));

/** Whether the drafts differ from what is stored (order does not matter). */
export function skillsChanged(a: readonly SkillDraft[], b: readonly SkillDraft[]): boolean {
  const key = (l: readonly SkillDraft[]) =>
    l
      .map((s) => `${s.skillId}:${s.level}`)
      .sort()
      .join();
  return key(a) !== key(b);
}

/** A new skill's name, trimmed with inner spaces collapsed; an error message when invalid. */
export function checkSkillName(
  raw: string,
  existing: readonly { name: string }[],
): { name: string } | { error: string } {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80) return { error: 'Give a name of 2 to 80 characters' };
  if (existing.some((s) => s.name.toLowerCase() === name.toLowerCase()))
    return { error: `A skill named ${name} already exists` };
  return { name };
}

// --- Certifications --------------------------------------------------------------------------

export type CertificationState = 'expired' | 'expiring' | 'valid' | 'permanent';

export function certificationState(c: {
  expiresOn?: string | null;
  expired: boolean;
  expiresSoon: boolean;
}): CertificationState {
  if (c.expired) return 'expired';
  if (c.expiresSoon) return 'expiring';
  return c.expiresOn ? 'valid' : 'permanent';
}

/** How many certifications are expired or expiring soon, for the list's badges. */
export function certificationAlerts(certs: readonly { expired: boolean; expiresSoon: boolean }[]) {
  return {
    expired: certs.filter((c) => c.expired).length,
    expiring: certs.filter((c) => !c.expired && c.expiresSoon).length,
  };
}

export interface CertificationFormValue {
  name: string;
  issuedOn: string;
  expiresOn: string;
}

export function validateCertification(
  v: CertificationFormValue,
): FieldErrors<keyof CertificationFormValue> {
  const e: FieldErrors<keyof CertificationFormValue> = {};
  const name = v.name.trim();
  if (name.length < 2 || name.length > 80) e.name = 'Give a name of 2 to 80 characters';
  if (v.issuedOn && v.expiresOn && v.expiresOn < v.issuedOn)
    e.expiresOn = 'A certification cannot expire before it is issued';
  return e;
}

export function certificationInput(v: CertificationFormValue) {
  return {
    name: v.name.trim(),
    issuedOn: v.issuedOn || null,
    expiresOn: v.expiresOn || null,
  };
}

// --- Time off --------------------------------------------------------------------------------

export const MAX_TIME_OFF_DAYS = 60;

export interface TimeOffFormValue {
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the organization's time zone. */
  startsAt: string;
  endsAt: string;
  reason: string;
}

/** Checks of a time off whose instants are already resolved (null = missing or malformed). */
export function validateTimeOff(v: {
  startsAt: string | null;
  endsAt: string | null;
  reason: string;
}): FieldErrors<keyof TimeOffFormValue> {
  const e: FieldErrors<keyof TimeOffFormValue> = {};
  if (!v.startsAt) e.startsAt = 'Give the start';
  if (!v.endsAt) e.endsAt = 'Give the end';
  if (v.startsAt && v.endsAt) {
    const ms = Date.parse(v.endsAt) - Date.parse(v.startsAt);
    if (ms <= 0) e.endsAt = 'Time off must end after it starts';
    else if (ms > MAX_TIME_OFF_DAYS * 86_400_000)
      e.endsAt = `Time off can last at most ${MAX_TIME_OFF_DAYS} days; add longer absences in parts`;
  }
  const reason = v.reason.trim();
  if (reason.length < 2 || reason.length > 200) e.reason = 'Give a reason of 2 to 200 characters';
  return e;
}

// --- Teams -----------------------------------------------------------------------------------

/** A team name as the server stores it, or the message why it cannot be used. */
export function checkTeamName(
  raw: string,
  teams: readonly { id: string; name: string }[],
  ownId: string | null = null,
): { name: string } | { error: string } {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80) return { error: 'Give a name of 2 to 80 characters' };
  const same = teams.find((t) => t.name.toLowerCase() === name.toLowerCase() && t.id !== ownId);
  if (same) return { error: `A team named ${same.name} already exists` };
  return { name };
}

// --- List filters ----------------------------------------------------------------------------

/** The list's filters as kept in the URL (`?q=…&team=<id>&skill=<name>&inactive=1`). */
export interface TechnicianFilters {
  search: string;
  teamId: string;
  skill: string;
  includeInactive: boolean;
}

export function technicianFiltersOf(params: {
  q?: string | null;
  team?: string | null;
  skill?: string | null;
  inactive?: string | null;
}): TechnicianFilters {
  return {
    search: (params.q ?? '').trim(),
    teamId: params.team ?? '',
    skill: (params.skill ?? '').trim(),
    includeInactive: params.inactive === '1' || params.inactive === 'true',
  };
}

export function technicianParamsOf(f: TechnicianFilters): Record<string, string | null> {
  return {
    q: f.search || null,
    team: f.teamId || null,
    skill: f.skill || null,
    inactive: f.includeInactive ? '1' : null,
  };
}

export const sameTechnicianFilters = (a: TechnicianFilters, b: TechnicianFilters) =>
  a.search === b.search &&
  a.teamId === b.teamId &&
  a.skill === b.skill &&
  a.includeInactive === b.includeInactive;
