import type { ComponentType } from '@angular/cdk/portal';
import { computed, inject, signal, type Signal } from '@angular/core';
import { MatDialog, type MatDialogConfig } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import { ActionState } from '../shared/action-state';
import { confirmAction, type ConfirmData } from '../shared/confirm-dialog';

/** Who may change settings (dispatchers may read them through the API). */
export const SETTINGS_WRITERS = ['ADMIN', 'MANAGER'] as const;

/** The list a settings page shows: its load error, and how to fetch it again. */
export interface SettingsListSource {
  error: Signal<unknown>;
  refetch(): void;
}

/**
 * What the settings list pages (catalog, SLA, maintenance, automation) do around their table:
 * open the create/edit dialog, confirm and run one change at a time, report it in a snack bar,
 * fetch the list again, and show the load or change error with a Retry. Create it in the page's
 * field initializers (it injects the dialog, snack bar and session).
 */
export class SettingsList {
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly store = inject(SessionStore);
  private readonly action = new ActionState();

  readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
  readonly busy = this.action.busy;
  /** The failed change, else the failed load. */
  readonly error = computed(
    () => this.action.error() ?? (this.source.error() ? messageOf(this.source.error()) : null),
  );
  /** A "run now" (generate, fire the rules) in progress, and the summary of the last one. */
  readonly running = signal(false);
  readonly result = signal<string | null>(null);

  constructor(private readonly source: SettingsListSource) {}

  retry(): void {
    this.action.error.set(null);
    this.source.refetch();
  }

  /** Opens the create/edit dialog; what it saved is reported and the list fetched again. */
  async edit<C, D, R extends { name: string }>(
    dialog: ComponentType<C>,
    config: MatDialogConfig<D>,
  ): Promise<void> {
    const ref = this.dialog.open<C, D, R>(dialog, {
      maxWidth: '96vw',
      maxHeight: '92vh',
      ...config,
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.notify(`Saved ${saved.name}`);
    this.source.refetch();
  }

  /**
   * Runs a change after the question (none: no question) was confirmed: busy meanwhile, its
   * failure shown, the list fetched again after it.
   */
  async change(question: ConfirmData | null, change: () => Promise<void>): Promise<void> {
    if (question && !(await confirmAction(this.dialog, question))) return;
    if (await this.action.run(change)) this.source.refetch();
  }

  /** Pauses a row after asking (saying what pausing means), or resumes it. */
  pauseOrResume(
    row: { name: string; active: boolean },
    consequence: string,
    setActive: (active: boolean) => Promise<void>,
  ): Promise<void> {
    const pausing = row.active;
    const question = pausing
      ? { title: `Pause ${row.name}?`, message: consequence, confirm: 'Pause' }
      : null;
    return this.change(question, async () => {
      await setActive(!pausing);
      this.notify(`${pausing ? 'Paused' : 'Resumed'} ${row.name}`);
    });
  }

  /** Deletes a row after asking (saying what deleting means). */
  delete(row: { name: string }, consequence: string, remove: () => Promise<void>): Promise<void> {
    const question = {
      title: `Delete ${row.name}?`,
      message: consequence,
      confirm: 'Delete',
      danger: true,
    };
    return this.change(question, async () => {
      await remove();
      this.notify(`Deleted ${row.name}`);
    });
  }

  /** Like {@link change} without a question; shows the summary the run answers. */
  async runNow(run: () => Promise<string>): Promise<void> {
    this.running.set(true);
    this.result.set(null);
    await this.change(null, async () => this.result.set(await run()));
    this.running.set(false);
  }

  notify(message: string): void {
    this.snack.open(message, undefined, { duration: 3000 });
  }
}
