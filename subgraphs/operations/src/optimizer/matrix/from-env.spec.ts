import { matrixProviderFromEnv } from './from-env';
import { GreatCircleMatrixProvider } from './great-circle';
import { OsrmMatrixProvider } from './osrm';

describe('matrixProviderFromEnv', () => {
  it('should default to the great-circle estimate with 1.3 and 40 km/h', () => {
    for (const env of [{}, { OPTIMIZER_MATRIX: '' }, { OPTIMIZER_MATRIX: ' great-circle ' }]) {
      const provider = matrixProviderFromEnv(env);
      expect(provider).toBeInstanceOf(GreatCircleMatrixProvider);
      expect(provider.name).toBe('great-circle');
      expect(provider).toMatchObject({ roadFactor: 1.3, speedKmh: 40 });
    }
  });

  it('should read the road factor and speed', () => {
    expect(
      matrixProviderFromEnv({ OPTIMIZER_ROAD_FACTOR: '1.5', OPTIMIZER_SPEED_KMH: '55' }),
    ).toMatchObject({ roadFactor: 1.5, speedKmh: 55 });
    expect(
      matrixProviderFromEnv({ OPTIMIZER_ROAD_FACTOR: '1', OPTIMIZER_SPEED_KMH: '130' }),
    ).toMatchObject({ roadFactor: 1, speedKmh: 130 });
  });

  it('should reject values out of range, naming the variable and the range', () => {
    expect(() => matrixProviderFromEnv({ OPTIMIZER_ROAD_FACTOR: '0.9' })).toThrow(
      'OPTIMIZER_ROAD_FACTOR must be a number from 1 to 3 (got "0.9")',
    );
    expect(() => matrixProviderFromEnv({ OPTIMIZER_ROAD_FACTOR: 'fast' })).toThrow(
      /OPTIMIZER_ROAD_FACTOR must be a number from 1 to 3/,
    );
    expect(() => matrixProviderFromEnv({ OPTIMIZER_SPEED_KMH: '200' })).toThrow(
      'OPTIMIZER_SPEED_KMH must be a number from 5 to 130 (got "200")',
    );
    expect(() => matrixProviderFromEnv({ OPTIMIZER_SPEED_KMH: '4' })).toThrow(/5 to 130/);
    expect(() => matrixProviderFromEnv({ OPTIMIZER_MATRIX: 'google' })).toThrow(
      'OPTIMIZER_MATRIX must be "great-circle" or "osrm" (got "google")',
    );
  });

  it('should build an OSRM provider from OSRM_URL', () => {
    const provider = matrixProviderFromEnv({
      OPTIMIZER_MATRIX: 'osrm',
      OSRM_URL: 'http://osrm:5000',
    });
    expect(provider).toBeInstanceOf(OsrmMatrixProvider);
    expect(provider.name).toBe('osrm');
    expect(
      matrixProviderFromEnv({ OPTIMIZER_MATRIX: 'osrm', OSRM_URL: 'https://router.example/osrm' }),
    ).toBeInstanceOf(OsrmMatrixProvider);
  });

  it('should require a valid http(s) OSRM_URL for osrm, without echoing it', () => {
    expect(() => matrixProviderFromEnv({ OPTIMIZER_MATRIX: 'osrm' })).toThrow(
      'OSRM_URL is required when OPTIMIZER_MATRIX=osrm',
    );
    for (const OSRM_URL of ['osrm:5000', 'ftp://user:secret@osrm', 'not a url'])
      expect(() => matrixProviderFromEnv({ OPTIMIZER_MATRIX: 'osrm', OSRM_URL })).toThrow(
        'OSRM_URL must be an http:// or https:// URL',
      );
  });

  it('should validate the estimate settings for osrm too (they serve unroutable pairs)', () => {
    expect(() =>
      matrixProviderFromEnv({
        OPTIMIZER_MATRIX: 'osrm',
        OSRM_URL: 'http://osrm:5000',
        OPTIMIZER_SPEED_KMH: '0',
      }),
    ).toThrow(/OPTIMIZER_SPEED_KMH/);
  });
});
