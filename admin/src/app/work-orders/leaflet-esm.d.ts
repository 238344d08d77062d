// Leaflet's ES module build carries the same API as the typed CommonJS entry point.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
