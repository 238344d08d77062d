import type { TriggerEvent } from '@attendant/db';
import { MERGE_FIELD_NAMES, MERGE_FIELDS, PLACEHOLDER } from './merge-fields';

/** A merge field as the template editor offers it. */
export interface MergeFieldInfo {
  name: string;
  label: string;
  /** What it renders as, for the picker's tooltip. */
  example: string;
}

const INFO: Readonly<Record<string, Omit<MergeFieldInfo, 'name'>>> = {
  'guest.firstName': { label: 'Guest first name', example: 'Ana' },
  'guest.fullName': { label: 'Guest full name', example: 'Ana Novak' },
  'technician.firstName': { label: 'Technician first name', example: 'Marco' },
  'job.number': { label: 'Job number', example: '1042' },
  'job.title': { label: 'Job title', example: 'Boiler service' },
  'job.window': { label: 'Time window', example: 'Tue 24 Nov, 09:00-11:00' },
  'job.eta': { label: 'ETA', example: '09:35' },
  'job.trackingLink': { label: 'Tracking link', example: 'https://…/t/abc' },
  'invoice.amount': { label: 'Invoice amount', example: '$129.50' },
  'invoice.paymentLink': { label: 'Payment link', example: 'https://…/p/1' },
  'property.name': { label: 'Property name', example: 'Hotel Aurora' },
  'organization.name': { label: 'Organization name', example: 'Northwind Home Services' },
};

const GUEST = ['guest.firstName', 'guest.fullName'];
const NAMES = ['property.name', 'organization.name'];
const JOB = ['job.number', 'job.title', 'job.window', 'job.eta'];
const VISIT = [...GUEST, 'technician.firstName', ...JOB, ...NAMES];
const INVOICE = [...GUEST, 'job.number', 'job.title', 'invoice.amount', 'invoice.paymentLink'];
const STAY = [...GUEST, ...NAMES];

/** The fields a firing of each trigger event has data for (the rest render empty). */
const EVENT_FIELDS: Readonly<Record<TriggerEvent, readonly string[]>> = {
  BOOKING_CONFIRMED: [...GUEST, ...JOB, ...NAMES],
  REMINDER_DAY_BEFORE: VISIT,
  TECHNICIAN_ASSIGNED: VISIT,
  ON_MY_WAY: [...VISIT, 'job.trackingLink'],
  ARRIVED: VISIT,
  JOB_COMPLETED: VISIT,
  INVOICE_SENT: [...INVOICE, ...NAMES],
  PAYMENT_RECEIVED: [...GUEST, 'job.number', 'invoice.amount', ...NAMES],
  PAYMENT_OVERDUE: [...INVOICE, ...NAMES],
  RESERVATION_CONFIRMED: STAY,
  PRE_ARRIVAL: STAY,
  CHECK_IN_READY: STAY,
  FEEDBACK_REQUEST: [...GUEST, 'technician.firstName', 'job.number', 'job.title', ...NAMES],
};

/** Every field, or the ones a trigger event has data for, in the catalog's order. */
export function mergeFieldsFor(event?: TriggerEvent | null): MergeFieldInfo[] {
  const names = event ? new Set(EVENT_FIELDS[event]) : null;
  return MERGE_FIELD_NAMES.filter((n) => !names || names.has(n)).map((name) => ({
    name,
    ...(INFO[name] ?? { label: name, example: '' }),
  }));
}

export type ProblemSeverity = 'ERROR' | 'WARNING';

/** A place in a template text the editor flags: an unknown field, stray braces, no data. */
export interface FieldProblem {
  severity: ProblemSeverity;
  message: string;
  /** The text at the place, e.g. `{{customer.name}}`. */
  text: string;
  /** 1-based line and column of its first character. */
  line: number;
  column: number;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

const at = (p: { line: number; column: number }) => `line ${p.line}, column ${p.column}`;

/**
 * The problems of one text, in reading order: fields that do not exist (with the field it
 * probably meant when only the case differs), braces that do not close, and, when an event is
 * given, known fields that event has no data for (a warning: they render empty).
 */
export function fieldProblems(text: string, event?: TriggerEvent | null): FieldProblem[] {
  const problems: (FieldProblem & { index: number })[] = [];
  const available = event ? new Set(EVENT_FIELDS[event]) : null;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const pos = positionOf(text, m.index);
    if (!(name in MERGE_FIELDS)) {
      const meant = MERGE_FIELD_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
      problems.push({
        index: m.index,
        severity: 'ERROR',
        text: m[0],
        ...pos,
        message: `Unknown merge field {{${name}}} at ${at(pos)}${meant ? `; did you mean {{${meant}}}?` : ''}`,
      });
    } else if (available && !available.has(name)) {
      problems.push({
        index: m.index,
        severity: 'WARNING',
        text: m[0],
        ...pos,
        message: `{{${name}}} at ${at(pos)} has no data for ${event}; it would be empty`,
      });
    }
  }
  // Blank out the fields (same length, so positions hold), then look for stray braces.
  const rest = text.replace(PLACEHOLDER, (all) => ' '.repeat(all.length));
  for (const m of rest.matchAll(/\{\{|\}\}/g)) {
    const pos = positionOf(text, m.index);
    problems.push({
      index: m.index,
      severity: 'ERROR',
      text: m[0],
      ...pos,
      message: `"${m[0]}" at ${at(pos)} does not ${m[0] === '{{' ? 'close' : 'open'} a merge field`,
    });
  }
  problems.sort((a, b) => a.index - b.index);
  return problems.map((p) => ({
    severity: p.severity,
    message: p.message,
    text: p.text,
    line: p.line,
    column: p.column,
  }));
}
