import type {
  GeofenceArrival,
  TrackingSettingsFieldsFragment,
  UpdateTrackingSettingsInput,
} from '../../generated/graphql';

/** The ranges the server accepts (UpdateTrackingSettingsInput), with its messages. */
export const TRACKING_RANGES = {
  pingIntervalSeconds: { min: 5, max: 600, message: 'The ping interval must be 5 to 600 seconds' },
  retentionDays: { min: 1, max: 365, message: 'Retention must be 1 to 365 days' },
  geofenceRadiusM: {
    min: 25,
    max: 2000,
    message: 'The geofence radius must be 25 to 2000 metres',
  },
} as const;

export type RangedField = keyof typeof TRACKING_RANGES;

/** The server's message when the value is empty, fractional or out of range; else null. */
export function rangeMessage(field: RangedField, value: number | null | undefined): string | null {
  const { min, max, message } = TRACKING_RANGES[field];
  if (value == null || Number.isNaN(value)) return message;
  return Number.isInteger(value) && value >= min && value <= max ? null : message;
}

export interface ArrivalOption {
  value: GeofenceArrival;
  label: string;
  explanation: string;
}

export const ARRIVAL_OPTIONS: readonly ArrivalOption[] = [
  {
    value: 'OFF',
    label: 'Off',
    explanation: 'Technicians mark themselves arrived; the job site is not watched.',
  },
  {
    value: 'PROPOSE',
    label: 'Propose arrival',
    explanation:
      'Inside the radius, the app offers “Mark arrived”; the technician confirms with one tap.',
  },
  {
    value: 'AUTO',
    label: 'Set arrived automatically',
    explanation:
      'Inside the radius, the job is set to Arrived by itself; dispatch and the customer see it at once.',
  },
];

/** What the form holds (numbers are null while a field is empty). */
export interface TrackingFormValue {
  pingIntervalSeconds: number | null;
  retentionDays: number | null;
  geofenceRadiusM: number | null;
  geofenceArrival: GeofenceArrival;
  publicShowsPosition: boolean;
}

export function formValueOf(s: TrackingSettingsFieldsFragment): TrackingFormValue {
  return {
    pingIntervalSeconds: s.pingIntervalSeconds,
    retentionDays: s.retentionDays,
    geofenceRadiusM: s.geofenceRadiusM,
    geofenceArrival: s.geofenceArrival,
    publicShowsPosition: s.publicShowsPosition,
  };
}

/** The input of a valid form (every ranged value is a number then). */
export function inputOf(v: TrackingFormValue): UpdateTrackingSettingsInput {
  return {
    pingIntervalSeconds: v.pingIntervalSeconds,
    retentionDays: v.retentionDays,
    geofenceRadiusM: v.geofenceRadiusM,
    geofenceArrival: v.geofenceArrival,
    publicShowsPosition: v.publicShowsPosition,
  };
}

/** The control an `input.<field>` of a refused save names. */
export function controlOf(field: string): string | null {
  const name = field.replace(/^input\./, '');
  return name in TRACKING_RANGES || name === 'geofenceArrival' || name === 'publicShowsPosition'
    ? name
    : null;
}
