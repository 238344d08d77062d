import { controlOf, inputOf, rangeMessage } from './tracking-settings.model';

describe('tracking settings form', () => {
  it('should accept values inside the server ranges and explain the range otherwise', () => {
    expect(rangeMessage('pingIntervalSeconds', 5)).toBeNull();
    expect(rangeMessage('pingIntervalSeconds', 600)).toBeNull();
    expect(rangeMessage('pingIntervalSeconds', 4)).toBe(
      'The ping interval must be 5 to 600 seconds',
    );
    expect(rangeMessage('retentionDays', 366)).toBe('Retention must be 1 to 365 days');
    expect(rangeMessage('geofenceRadiusM', 24)).toBe(
      'The geofence radius must be 25 to 2000 metres',
    );
    expect(rangeMessage('geofenceRadiusM', 150.5)).not.toBeNull();
    expect(rangeMessage('retentionDays', null)).not.toBeNull();
  });

  it('should send every setting and map server field names to controls', () => {
    expect(
      inputOf({
        pingIntervalSeconds: 15,
        retentionDays: 30,
        geofenceRadiusM: 100,
        geofenceArrival: 'AUTO',
        publicShowsPosition: false,
      }),
    ).toEqual({
      pingIntervalSeconds: 15,
      retentionDays: 30,
      geofenceRadiusM: 100,
      geofenceArrival: 'AUTO',
      publicShowsPosition: false,
    });
    expect(controlOf('input.retentionDays')).toBe('retentionDays');
    expect(controlOf('geofenceArrival')).toBe('geofenceArrival');
    expect(controlOf('input.somethingElse')).toBeNull();
  });
});
