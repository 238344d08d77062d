import { messageOf } from '../core/errors';
import { isVersionConflict } from './work-order-candidate.model';
import { CONFLICT_MESSAGE } from './work-order.constants';

/** The message for a failed change: a stale version asks for a reload, else the server's words. */
export function actionMessage(error: unknown): string {
  return isVersionConflict(error) ? CONFLICT_MESSAGE : messageOf(error);
}
