import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SyncItemStatus } from '../generated/graphql';
import { formatDateTime } from './format';

const LOOK: Record<SyncItemStatus, { icon: string; label: string }> = {
  SYNCED: { icon: '✓', label: 'In sync with Mews' },
  PENDING: { icon: '↻', label: 'Change waiting to sync with Mews' },
  FAILED: { icon: '!', label: 'Sync with Mews failed' },
  CONFLICT: { icon: '⇄', label: 'Conflicting edits need a manager' },
};

/** Where a record stands with Mews, as a small icon (optionally labelled); null = not linked. */
@Component({
  selector: 'att-sync-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"sync-" + (status() ?? "none").toLowerCase()',
    '[attr.title]': 'tooltip()',
    '[attr.aria-label]': 'tooltip()',
    role: 'img',
    '[attr.data-status]': 'status() ?? "NONE"',
  },
  template: `<span class="icon" aria-hidden="true">{{ look()?.icon ?? '–' }}</span>
    @if (showLabel()) {
      <span class="label">{{ look()?.label ?? 'Not linked to Mews' }}</span>
    }`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-body-medium);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 20px;
      height: 20px;
      border-radius: 50%;
      font: var(--mat-sys-label-medium);
      font-weight: 700;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.sync-synced) .icon {
      background: #d6f2dd;
      color: #13532a;
    }
    :host(.sync-pending) .icon {
      background: #dbe7ff;
      color: #0b3a8c;
    }
    :host(.sync-failed) .icon,
    :host(.sync-conflict) .icon {
      background: #ffdad6;
      color: #8c1d18;
    }
  `,
})
export class SyncStatusIcon {
  readonly status = input<SyncItemStatus | null | undefined>(null);
  readonly lastSyncedAt = input<string | null | undefined>(null);
  readonly showLabel = input(false);
  protected readonly look = computed(() => {
    const s = this.status();
    return s ? LOOK[s] : null;
  });
  protected readonly tooltip = computed(() => {
    const label = this.look()?.label ?? 'Not linked to Mews';
    const at = this.lastSyncedAt();
    return at ? `${label} · last synced ${formatDateTime(at)}` : label;
  });
}
