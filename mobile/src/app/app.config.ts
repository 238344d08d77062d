import {
  inject,
  Injector,
  provideAppInitializer,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideRouter, RouteReuseStrategy } from '@angular/router';
import { IonicRouteStrategy, provideIonicAngular } from '@ionic/angular';
import { routes } from './app.routes';
import { AUTH_HOOKS, type AuthHooks } from './core/auth/auth-hooks';
import { AuthService } from './core/auth/auth.service';
import { provideGraphql } from './core/graphql/apollo.providers';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideIonicAngular({ mode: 'md' }),
    { provide: RouteReuseStrategy, useClass: IonicRouteStrategy },
    provideRouter(routes),
    provideGraphql(),
    {
      provide: AUTH_HOOKS,
      // Looked up on use: AuthService itself talks to the API through Apollo.
      useFactory: (): AuthHooks => {
        const injector = inject(Injector);
        return {
          accessToken: () => injector.get(AuthService).accessToken(),
          rejected: () => void injector.get(AuthService).sessionExpired(),
        };
      },
    },
    provideAppInitializer(() => inject(AuthService).restore()),
  ],
};
