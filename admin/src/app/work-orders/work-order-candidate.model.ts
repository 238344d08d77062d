import type {
  ConflictKind,
  WorkOrderAssignmentCandidatesQuery,
  WorkOrderStatus,
} from '../generated/graphql';

export type Candidate = WorkOrderAssignmentCandidatesQuery['assignmentCandidates'][number];

/** Statuses the server lets a work order be (re)assigned in. */
const ASSIGNABLE: readonly WorkOrderStatus[] = ['NEW', 'SCHEDULED', 'DISPATCHED'];

export function candidateName(c: Candidate): string {
  return c.technician?.name ?? c.vendor?.name ?? 'Unknown';
}

/** A stable id for lists and testids: the technician's or vendor's id. */
export function candidateKey(c: Candidate): string {
  return `${c.kind}:${c.technician?.id ?? c.vendor?.id ?? c.rank}`;
}

/** What pressing "Assign" on a candidate does. */
export type AssignPlan =
  | { kind: 'schedule'; technicianId: string; start: string; summary: string }
  | { kind: 'vendor'; vendorId: string; summary: string }
  | { kind: 'none'; reason: string };

/**
 * Technicians are scheduled at their next free time; vendors are given the job (unassigning any
 * technician). Ineligible candidates and closed or started jobs cannot be assigned here.
 */
export function assignPlan(c: Candidate, status: WorkOrderStatus): AssignPlan {
  if (!ASSIGNABLE.includes(status)) {
    return { kind: 'none', reason: 'Only new or scheduled jobs can be reassigned' };
  }
  if (!c.eligible) {
    return { kind: 'none', reason: c.ineligibleReasons.join('; ') || 'Not eligible' };
  }
  if (c.kind === 'VENDOR') {
    if (!c.vendor) return { kind: 'none', reason: 'Unknown vendor' };
    return { kind: 'vendor', vendorId: c.vendor.id, summary: `Give the job to ${c.vendor.name}` };
  }
  if (!c.technician) return { kind: 'none', reason: 'Unknown technician' };
  if (!c.nextAvailableAt) return { kind: 'none', reason: 'No free time found' };
  return {
    kind: 'schedule',
    technicianId: c.technician.id,
    start: c.nextAvailableAt,
    summary: `Schedule ${c.technician.name}`,
  };
}

/** One conflict the server reported. */
export interface RefusalConflict {
  kind: ConflictKind | string;
  message: string;
}

/** Why the server refused an assignment because of schedule conflicts. */
export interface Refusal {
  message: string;
  conflicts: RefusalConflict[];
  warnings: RefusalConflict[];
}

interface ErrorLike {
  message?: unknown;
  extensions?: Readonly<Record<string, unknown>> | null;
}

function errorsOf(error: unknown): ErrorLike[] {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as ErrorLike[]) : [];
}

function asConflicts(value: unknown): RefusalConflict[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (c): c is { kind: string; message: string } =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as { message?: unknown }).message === 'string',
    )
    .map((c) => ({ kind: String(c.kind ?? ''), message: c.message }));
}

/** The conflicts of a CONFLICT refusal (scheduleWorkOrder's `extensions.conflicts`), else null. */
export function refusalOf(error: unknown): Refusal | null {
  for (const e of errorsOf(error)) {
    const ext = e.extensions ?? {};
    const conflicts = asConflicts(ext['conflicts']);
    if (ext['code'] === 'CONFLICT' && conflicts.length > 0) {
      return {
        message: typeof e.message === 'string' ? e.message : 'Schedule conflicts',
        conflicts,
        warnings: asConflicts(ext['warnings']),
      };
    }
  }
  return null;
}

/** True when the server refused because the work order changed since it was read. */
export function isVersionConflict(error: unknown): boolean {
  return errorsOf(error).some((e) => e.extensions?.['reason'] === 'VERSION_CONFLICT');
}

/** "Skill fit 90% × 30%" style pieces for a factor row. */
export function factorPoints(factor: { score: number; weight: number }): number {
  return Math.round(factor.score * factor.weight * 100);
}
