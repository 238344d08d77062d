// Leaflet ships an ES module build beside its UMD `main`; importing it keeps the bundle free of
// CommonJS. Its API is the one @types/leaflet describes.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
