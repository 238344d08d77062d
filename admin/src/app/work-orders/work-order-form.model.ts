import {
  type FormBuilder,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import type {
  CreateWorkOrderInput,
  UpdateWorkOrderInput,
  WorkOrderFullFragment,
  WorkOrderKind,
  WorkOrderPriority,
} from '../generated/graphql';
import { fromLocalInput, fromMinor, toLocalInput, toMinor } from '../shared/format';

export const WINDOW_MESSAGE = 'The time window must end after it starts';
export const ASSIGNEE_MESSAGE =
  'A job goes to a technician or to a vendor, not both: unassign one first';

/** The window end must be after its start (the server checks the same). */
function windowAfterStart(control: AbstractControl): ValidationErrors | null {
  const start = fromLocalInput(control.parent?.get('windowStart')?.value as string | undefined);
  const end = fromLocalInput(control.value as string);
  return start && end && end <= start ? { window: true } : null;
}

/** A technician and a vendor are mutually exclusive (the server checks the same). */
function notBothAssignees(control: AbstractControl): ValidationErrors | null {
  const technicianId = control.parent?.get('technicianId')?.value as string | undefined;
  return technicianId && control.value ? { assignee: true } : null;
}

function wholeNumber(control: AbstractControl): ValidationErrors | null {
  const v = control.value as number | null;
  return v == null || Number.isInteger(v) ? null : { wholeNumber: true };
}

/*
 * Client-side checks are deliberately lenient where the server has the rules (title length,
 * duration range): the server's messages are shown next to the fields.
 */
export function buildWorkOrderForm(
  fb: FormBuilder,
  defaults: { kind: WorkOrderKind; currency: string },
) {
  const nn = fb.nonNullable;
  const form = nn.group({
    kind: nn.control<WorkOrderKind>(defaults.kind, Validators.required),
    title: nn.control('', Validators.required),
    description: nn.control(''),
    priority: nn.control<WorkOrderPriority>('NORMAL', Validators.required),
    serviceTypeId: nn.control(''),
    teamId: nn.control(''),
    technicianId: nn.control(''),
    vendorId: nn.control('', notBothAssignees),
    scheduledStart: nn.control(''),
    windowStart: nn.control(''),
    windowEnd: nn.control('', windowAfterStart),
    estimatedMinutes: nn.control<number | null>(60, [Validators.required, wholeNumber]),
    price: nn.control('', Validators.pattern(/^\s*\d+([.,]\d+)?\s*$/)),
    currency: nn.control(defaults.currency, Validators.pattern(/^\s*[A-Za-z]{3}\s*$/)),
  });
  return form;
}

export type WorkOrderForm = ReturnType<typeof buildWorkOrderForm>;
export type WorkOrderFormField = keyof WorkOrderForm['controls'];

const LABEL: Record<WorkOrderFormField, string> = {
  kind: 'Kind',
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  serviceTypeId: 'Service type',
  teamId: 'Team',
  technicianId: 'Technician',
  vendorId: 'Vendor',
  scheduledStart: 'Scheduled start',
  windowStart: 'Window start',
  windowEnd: 'Window end',
  estimatedMinutes: 'Estimated minutes',
  price: 'Price',
  currency: 'Currency',
};

/** The message to show for a control: the server's, else the client check that failed. */
export function clientMessage(
  field: WorkOrderFormField,
  errors: ValidationErrors | null,
): string | null {
  if (!errors) return null;
  if (errors['required']) return `${LABEL[field]} is required`;
  if (errors['window']) return WINDOW_MESSAGE;
  if (errors['assignee']) return ASSIGNEE_MESSAGE;
  if (errors['wholeNumber']) return 'Enter whole minutes';
  if (errors['pattern'] && field === 'price') return 'Enter an amount like 120.50';
  if (errors['pattern'] && field === 'currency') return 'Currency must be a 3-letter ISO code';
  return null;
}

/** Server field names (after `input.`) → form controls. */
export function controlOfServerField(field: string): WorkOrderFormField | null {
  const name = field === 'priceMinor' ? 'price' : field;
  return name in LABEL ? (name as WorkOrderFormField) : null;
}

export function formValueOf(wo: WorkOrderFullFragment, fallbackCurrency: string) {
  const currency = wo.price?.currency ?? fallbackCurrency;
  return {
    kind: wo.kind,
    title: wo.title,
    description: wo.description ?? '',
    priority: wo.priority,
    serviceTypeId: wo.serviceType?.id ?? '',
    teamId: wo.team?.id ?? '',
    technicianId: wo.technician?.id ?? '',
    vendorId: wo.vendor?.id ?? '',
    scheduledStart: toLocalInput(wo.scheduledStart),
    windowStart: toLocalInput(wo.windowStart),
    windowEnd: toLocalInput(wo.windowEnd),
    estimatedMinutes: wo.estimatedMinutes,
    price: fromMinor(wo.price?.amountMinor, currency),
    currency,
  };
}

export function createInputOf(
  form: WorkOrderForm,
  guestId: string | undefined,
): CreateWorkOrderInput {
  const v = form.getRawValue();
  const input: CreateWorkOrderInput = {
    kind: v.kind,
    title: v.title.trim(),
    priority: v.priority,
    estimatedMinutes: v.estimatedMinutes ?? 60,
  };
  if (v.description.trim()) input.description = v.description.trim();
  if (v.serviceTypeId) input.serviceTypeId = v.serviceTypeId;
  if (v.teamId) input.teamId = v.teamId;
  if (v.technicianId) input.technicianId = v.technicianId;
  else if (v.vendorId) input.vendorId = v.vendorId;
  if (guestId) input.guestId = guestId;
  const scheduledStart = fromLocalInput(v.scheduledStart);
  if (scheduledStart) input.scheduledStart = scheduledStart;
  const windowStart = fromLocalInput(v.windowStart);
  if (windowStart) input.windowStart = windowStart;
  const windowEnd = fromLocalInput(v.windowEnd);
  if (windowEnd) input.windowEnd = windowEnd;
  const currency = v.currency.trim().toUpperCase();
  const priceMinor = toMinor(v.price, currency);
  if (priceMinor !== null) {
    input.priceMinor = priceMinor;
    input.currency = currency;
  }
  return input;
}

/** Only what the user changed; null clears optional values. */
export function updateInputOf(form: WorkOrderForm): UpdateWorkOrderInput {
  const v = form.getRawValue();
  const c = form.controls;
  const input: UpdateWorkOrderInput = {};
  if (c.title.dirty) input.title = v.title.trim();
  if (c.description.dirty) input.description = v.description.trim() || null;
  if (c.priority.dirty) input.priority = v.priority;
  if (c.serviceTypeId.dirty) input.serviceTypeId = v.serviceTypeId || null;
  if (c.teamId.dirty) input.teamId = v.teamId || null;
  // Both together, so switching from a technician to a vendor (or back) is one change.
  if (c.technicianId.dirty || c.vendorId.dirty) {
    input.technicianId = v.technicianId || null;
    input.vendorId = v.vendorId || null;
  }
  if (c.scheduledStart.dirty) input.scheduledStart = fromLocalInput(v.scheduledStart);
  if (c.windowStart.dirty || c.windowEnd.dirty) {
    input.windowStart = fromLocalInput(v.windowStart);
    input.windowEnd = fromLocalInput(v.windowEnd);
  }
  if (c.estimatedMinutes.dirty && v.estimatedMinutes != null)
    input.estimatedMinutes = v.estimatedMinutes;
  if (c.price.dirty || c.currency.dirty) {
    const currency = v.currency.trim().toUpperCase();
    input.priceMinor = toMinor(v.price, currency);
    if (input.priceMinor !== null) input.currency = currency;
  }
  return input;
}
