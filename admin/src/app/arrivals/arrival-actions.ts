import { inject, Injectable, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { SetArrivalEtaGQL, SetArrivalRoomStateGQL } from '../generated/graphql';
import { humanize } from '../shared/format';
import { toTimeInput } from './arrival-board.model';
import type { EtaChange } from './arrival-eta';
import type { RoomStateChange } from './arrival-room';

/**
 * What staff change from the arrival board: ETAs (with Undo) and room states. Results come back
 * through the Apollo cache and the board's subscription; failures are told in a snack bar.
 * Provided by the board page, so its busy set lives and dies with the page.
 */
@Injectable()
export class ArrivalActions {
  private readonly snackBar = inject(MatSnackBar);
  private readonly etaGql = inject(SetArrivalEtaGQL);
  private readonly roomGql = inject(SetArrivalRoomStateGQL);
  private readonly pending = signal<ReadonlySet<string>>(new Set());
  /** Reservation and room ids with a change on its way. */
  readonly busy = this.pending.asReadonly();

  async setEta({ row, etaAt }: EtaChange, undoable = true): Promise<void> {
    const previous = row.etaAt;
    const ok = await this.run(row.id, () =>
      firstValueFrom(this.etaGql.mutate({ variables: { id: row.id, etaAt } })),
    );
    if (!ok || !undoable) return;
    const what = etaAt ? `set to ${toTimeInput(etaAt)}` : 'cleared';
    const ref = this.snackBar.open(`ETA for ${row.guest.fullName} ${what}`, 'Undo', {
      duration: 8000,
    });
    ref.onAction().subscribe(() => {
      void this.setEta({ row: { ...row, etaAt }, etaAt: previous }, false);
    });
  }

  async setRoomState({ room, state }: RoomStateChange): Promise<void> {
    const ok = await this.run(room.id, () =>
      firstValueFrom(this.roomGql.mutate({ variables: { input: { roomId: room.id, state } } })),
    );
    if (ok)
      this.snackBar.open(`Room ${room.number} marked ${humanize(state).toLowerCase()}`, undefined, {
        duration: 4000,
      });
  }

  private async run(id: string, change: () => Promise<unknown>): Promise<boolean> {
    this.pending.update((s) => new Set(s).add(id));
    try {
      await change();
      return true;
    } catch (err) {
      this.snackBar.open(messageOf(err), 'Dismiss', { duration: 8000 });
      return false;
    } finally {
      this.pending.update((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    }
  }
}
