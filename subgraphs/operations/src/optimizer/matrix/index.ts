export { matrixProviderFromEnv } from './from-env';
export { GreatCircleMatrixProvider, type GreatCircleOptions } from './great-circle';
export { haversineMetres, type GeoPoint, type MatrixProvider } from './matrix-provider';
export { OsrmMatrixProvider, type OsrmOptions } from './osrm';
