import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../core/errors';
import {
  DisconnectMewsGQL,
  StartMewsImportGQL,
  TestMewsConnectionGQL,
  type MewsConnectionFieldsFragment,
  type TestMewsConnectionMutation,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { DateTimePipe } from '../../shared/pipes';
import { StatusChip } from '../../shared/status-chip';
import { ResyncWindowDialog } from './resync-window.dialog';

type Busy = 'test' | 'import' | 'disconnect' | null;

/** The connection at a glance, and what admins (and managers, for re-syncs) can do with it. */
@Component({
  selector: 'att-mews-status-card',
  imports: [MatCardModule, MatButtonModule, ClipboardModule, StatusChip, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="mews-status">
      <mat-card-header>
        <mat-card-title class="title">
          Mews connection
          <att-status-chip [value]="connection().status" data-testid="mews-connection-status" />
        </mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (connection().status === 'ERROR') {
          <p class="error" role="alert" data-testid="mews-last-error">
            {{ connection().lastError ?? 'Mews refused the tokens.' }}
            <span class="muted">({{ connection().lastErrorAt | dateTime }})</span>
          </p>
        }
        <dl>
          <dt>API</dt>
          <dd>{{ connection().baseUrl }}</dd>
          <dt>WebSocket</dt>
          <dd>{{ connection().webSocketUrl ?? 'not used (polling only)' }}</dd>
          <dt>Access token</dt>
          <dd data-testid="mews-token-hint">…{{ connection().accessTokenHint }}</dd>
          <dt>Enterprise</dt>
          <dd>{{ connection().enterpriseId ?? '—' }}</dd>
          <dt>Poll interval</dt>
          <dd>{{ connection().pollIntervalSeconds }} s</dd>
          <dt>Last tested</dt>
          <dd>{{ connection().lastTestedAt | dateTime }}</dd>
          <dt>Imported</dt>
          <dd>{{ connection().importedAt | dateTime }}</dd>
          @if (connection().webhookUrl; as url) {
            <dt>Webhook URL</dt>
            <dd class="webhook">
              <code data-testid="mews-webhook-url">{{ url }}</code>
              <button
                mat-button
                type="button"
                [cdkCopyToClipboard]="url"
                (cdkCopyToClipboardCopied)="copied($event)"
                data-testid="mews-webhook-copy"
              >
                Copy
              </button>
            </dd>
          }
        </dl>
        @if (testResult(); as r) {
          <p class="test" [class.ok]="r.ok" [class.bad]="!r.ok" data-testid="mews-test-result">
            <strong>{{ r.ok ? 'OK' : 'Failed' }}</strong> · {{ r.message }} · {{ r.latencyMs }} ms
            @if (r.requestId) {
              · request {{ r.requestId }}
            }
          </p>
        }
      </mat-card-content>
      <mat-card-actions class="actions">
        @if (canAdmin()) {
          <button
            mat-stroked-button
            type="button"
            (click)="test()"
            [disabled]="!!busy()"
            data-testid="mews-test"
          >
            {{ busy() === 'test' ? 'Testing…' : 'Test connection' }}
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="reimport()"
            [disabled]="!!busy() || running()"
            data-testid="mews-reimport"
          >
            Re-import
          </button>
        }
        @if (canOperate()) {
          <button
            mat-stroked-button
            type="button"
            (click)="resync()"
            [disabled]="!!busy() || running()"
            data-testid="mews-resync"
          >
            Re-sync window
          </button>
        }
        @if (canAdmin()) {
          <button mat-button type="button" (click)="reconnect.emit()" data-testid="mews-update">
            Update tokens
          </button>
          <span class="spacer"></span>
          <button
            mat-button
            type="button"
            class="danger"
            (click)="disconnect()"
            [disabled]="!!busy()"
            data-testid="mews-disconnect"
          >
            Disconnect
          </button>
        }
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .title {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 12px 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .webhook {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    code {
      font-size: 12px;
      background: var(--mat-sys-surface-container);
      padding: 2px 6px;
      border-radius: 4px;
      overflow-wrap: anywhere;
    }
    .error,
    .test.bad {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .test.ok {
      padding: 8px 12px;
      border-radius: 8px;
      background: #d6f2dd;
      color: #13532a;
    }
    .muted {
      opacity: 0.8;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding: 8px 16px 16px;
    }
    .spacer {
      flex: 1;
    }
    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class MewsStatusCard {
  readonly connection = input.required<MewsConnectionFieldsFragment>();
  readonly canAdmin = input(false);
  readonly canOperate = input(false);
  /** An import or re-sync is running; another cannot start. */
  readonly running = input(false);
  /** The connection or its runs changed: the page fetches them again. */
  readonly changed = output<void>();
  readonly reconnect = output<void>();

  private readonly testGql = inject(TestMewsConnectionGQL);
  private readonly importGql = inject(StartMewsImportGQL);
  private readonly disconnectGql = inject(DisconnectMewsGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  protected readonly busy = signal<Busy>(null);
  protected readonly testResult = signal<TestMewsConnectionMutation['testMewsConnection'] | null>(
    null,
  );

  protected async test(): Promise<void> {
    await this.act('test', async () => {
      const res = await firstValueFrom(this.testGql.mutate());
      this.testResult.set(res.data?.testMewsConnection ?? null);
    });
  }

  protected async reimport(): Promise<void> {
    await this.act('import', async () => {
      await firstValueFrom(this.importGql.mutate());
      this.snack.open('Import started', undefined, { duration: 3000 });
    });
  }

  protected async resync(): Promise<void> {
    const run = await firstValueFrom(
      this.dialog.open(ResyncWindowDialog, { width: 'min(480px, 94vw)' }).afterClosed(),
    );
    if (!run) return;
    this.snack.open('Re-sync started', undefined, { duration: 3000 });
    this.changed.emit();
  }

  protected async disconnect(): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: 'Disconnect Mews?',
      message:
        'Syncing stops: changes in Mews no longer reach Attendant and staff edits are not sent to Mews. Imported data stays. You can connect again later.',
      confirm: 'Disconnect',
      danger: true,
    });
    if (!ok) return;
    await this.act('disconnect', async () => {
      await firstValueFrom(this.disconnectGql.mutate());
      this.testResult.set(null);
      this.snack.open('Mews disconnected', undefined, { duration: 3000 });
    });
  }

  protected copied(ok: boolean): void {
    this.snack.open(
      ok ? 'Webhook URL copied' : 'Could not copy; select the URL instead',
      undefined,
      {
        duration: 2500,
      },
    );
  }

  private async act(what: Busy, run: () => Promise<void>): Promise<void> {
    this.busy.set(what);
    try {
      await run();
      this.changed.emit();
    } catch (err) {
      this.snack.open(messageOf(err), 'Dismiss', { duration: 8000 });
    } finally {
      this.busy.set(null);
    }
  }
}
