import type { CapacitorConfig } from '@capacitor/cli';

/*
 * Capacitor shell of the technician app. Native projects (android/, ios/) are not part of the
 * repository; to create them, install @capacitor/cli plus @capacitor/android or @capacitor/ios and
 * run `npx cap add android` from this folder.
 *
 * The web build is served by the gateway under /app/; inside the native webview the files sit at
 * the root, so build for native with `ng build mobile --base-href /` before `npx cap sync`.
 */
const config: CapacitorConfig = {
  appId: 'app.attendant.technician',
  appName: 'Attendant Technician',
  webDir: '../dist/apps/mobile/browser',
};

export default config;
