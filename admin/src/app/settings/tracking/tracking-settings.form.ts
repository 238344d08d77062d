import { Validators, type FormBuilder } from '@angular/forms';
import type { GeofenceArrival } from '../../generated/graphql';
import { check } from '../form-errors';
import { rangeMessage, type RangedField } from './tracking-settings.model';

/** The same ranges the server checks; its messages still win when they differ. */
export function buildTrackingForm(fb: FormBuilder) {
  const nn = fb.nonNullable;
  const ranged = (field: RangedField) =>
    nn.control<number | null>(null, [check<number | null>((v) => rangeMessage(field, v))]);
  return nn.group({
    pingIntervalSeconds: ranged('pingIntervalSeconds'),
    retentionDays: ranged('retentionDays'),
    geofenceRadiusM: ranged('geofenceRadiusM'),
    geofenceArrival: nn.control<GeofenceArrival>('PROPOSE', Validators.required),
    publicShowsPosition: nn.control(true),
  });
}
