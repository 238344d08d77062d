import { DomainError, type ErrorCode } from '@attendant/kit';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
}

export class AuthError extends DomainError<AuthErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case AuthErrorCode.InvalidCredentials:
      case AuthErrorCode.InvalidRefreshToken:
        return 'UNAUTHENTICATED';
      case AuthErrorCode.ApiKeyNotFound:
        return 'NOT_FOUND';
    }
  }
}
