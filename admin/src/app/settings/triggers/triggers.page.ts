import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import {
  DeleteMessageTriggerGQL,
  MessageTriggersGQL,
  UpdateMessageTriggerGQL,
  type MessageTriggerFieldsFragment,
  type TriggerEvent,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { HumanizePipe } from '../../shared/pipes';
import { queryState } from '../../shared/query-state';
import { SettingsList } from '../settings-list';
import { channelLabel } from '../templates/templates.model';
import { TriggerDialog, type SavedTrigger, type TriggerDialogData } from './trigger.dialog';
import { TriggerFiringsDialog, type TriggerFiringsData } from './trigger-firings.dialog';
import { byEvent, conditionChips, offsetLabel, STAY_EVENTS } from './triggers.model';

/** /settings/triggers: which message goes out automatically on which event, and when. */
@Component({
  selector: 'att-triggers-page',
  imports: [MatButtonModule, MatProgressBarModule, MatSlideToggleModule, ErrorBanner, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './triggers.page.html',
  styleUrls: ['../settings-page.scss', '../settings-table.scss'],
  styles: `
    .group {
      margin: 16px 0 0;
    }
    .group h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .row {
      display: grid;
      grid-template-columns:
        90px minmax(160px, 1.2fr) minmax(160px, 1fr) minmax(140px, 1fr)
        auto auto;
      gap: 12px;
      align-items: center;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .row:last-child {
      border-bottom: 0;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .chip {
      padding: 2px 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      font: var(--mat-sys-label-small);
    }
    .actions button {
      --mat-button-text-horizontal-padding: 6px;
      min-width: 0;
    }
    @media (max-width: 900px) {
      .row {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
})
export class TriggersPage {
  private readonly query = inject(MessageTriggersGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly updateGql = inject(UpdateMessageTriggerGQL);
  private readonly deleteGql = inject(DeleteMessageTriggerGQL);
  private readonly dialog = inject(MatDialog);

  protected readonly state = queryState(this.query.valueChanges);
  protected readonly list = new SettingsList({
    error: this.state.error,
    refetch: () => void this.query.refetch().catch(() => undefined),
  });
  protected readonly groups = computed(() => byEvent(this.state.data()?.triggers ?? []));
  protected readonly channelLabel = channelLabel;
  protected readonly timing = offsetLabel;
  protected readonly chips = conditionChips;

  protected scope(event: TriggerEvent): string {
    return STAY_EVENTS.has(event) ? 'stay' : 'job';
  }

  protected edit(trigger: MessageTriggerFieldsFragment | null): Promise<void> {
    return this.list.edit<TriggerDialog, TriggerDialogData, SavedTrigger>(TriggerDialog, {
      data: { trigger },
      width: 'min(720px, 96vw)',
    });
  }

  protected setEnabled(t: MessageTriggerFieldsFragment, enabled: boolean): Promise<void> {
    const name = t.template?.name ?? 'the trigger';
    const question = enabled
      ? null
      : {
          title: `Disable ${name} on ${t.event.toLowerCase().replace(/_/g, ' ')}?`,
          message: 'Nothing is sent for new events while it is off. Planned sends are skipped.',
          confirm: 'Disable',
        };
    return this.list.change(question, async () => {
      const res = await firstValueFrom(
        this.updateGql.mutate({ variables: { id: t.id, input: { enabled } } }),
      );
      if (!res.data?.updateTrigger) throw res.error ?? new Error('Nothing changed');
      this.list.notify(`${enabled ? 'Enabled' : 'Disabled'} ${name}`);
    });
  }

  protected remove(t: MessageTriggerFieldsFragment): Promise<void> {
    const consequence =
      'It stops sending, and its history of sends is deleted with it. Disable it instead to keep the history.';
    return this.list.delete(
      { name: `the ${t.template?.name ?? ''} trigger` },
      consequence,
      async () => {
        const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: t.id } }));
        if (!res.data?.deleteTrigger) throw res.error ?? new Error('The trigger was not deleted');
      },
    );
  }

  protected firings(t: MessageTriggerFieldsFragment): void {
    const title = [t.event, channelLabel(t.channel), t.template?.name]
      .filter(Boolean)
      .join(' · ')
      .replace(/_/g, ' ');
    this.dialog.open<TriggerFiringsDialog, TriggerFiringsData>(TriggerFiringsDialog, {
      data: { triggerId: t.id, title },
      width: 'min(900px, 96vw)',
      maxHeight: '90vh',
    });
  }
}
