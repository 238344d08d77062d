import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { IonButton, IonIcon } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { playOutline, stopOutline } from 'ionicons/icons';
import { OfflineStore } from '../../core/offline/offline-store.service';
import { isClosed, runningTimer, type LocalJob } from '../../core/offline/ops';
import { SyncService } from '../../core/offline/sync.service';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "1 h 05 min" */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** Time on the job: a start/stop timer (stamped on the device) and time logged afterwards. */
@Component({
  selector: 'app-job-time',
  imports: [IonButton, IonIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row timer">
      @if (closed()) {
        <span class="elapsed muted">Logged {{ total() }}</span>
      } @else if (running(); as r) {
        <span class="elapsed" data-testid="timer-running"
          >Timer running · {{ elapsed() }} (since {{ at(r.startedAt) }})</span
        >
        <ion-button color="danger" data-testid="stop-timer" (click)="stop()">
          <ion-icon slot="start" name="stop-outline" aria-hidden="true" />Stop
        </ion-button>
      } @else {
        <span class="elapsed muted">Logged {{ total() }}</span>
        <ion-button data-testid="start-timer" (click)="start()">
          <ion-icon slot="start" name="play-outline" aria-hidden="true" />Start timer
        </ion-button>
      }
    </div>
    <ul class="list">
      @for (entry of job().timeEntries; track entry.id) {
        <li data-testid="time-entry" [attr.data-minutes]="entry.minutes">
          <span class="grow"
            >{{ at(entry.startedAt) }}–{{ entry.endedAt ? at(entry.endedAt) : 'now' }}
            @if (entry.minutes !== null) {
              · {{ minutes(entry.minutes) }}
            }
            @if (entry.note) {
              <span class="muted"> · {{ entry.note }}</span>
            }
          </span>
          @if (entry.pending) {
            <span class="badge">not sent</span>
          }
        </li>
      }
    </ul>
    @if (!closed()) {
      <form class="row" (submit)="$event.preventDefault(); log()">
        <input
          class="field minutes"
          type="number"
          inputmode="numeric"
          min="1"
          max="720"
          data-testid="log-minutes"
          aria-label="Minutes worked"
          placeholder="Min"
          [value]="logMinutes()"
          (input)="logMinutes.set($any($event.target).value)"
        />
        <input
          class="field"
          data-testid="log-note"
          placeholder="What was done (optional)"
          maxlength="500"
          aria-label="Time note"
          [value]="logNote()"
          (input)="logNote.set($any($event.target).value)"
        />
        <ion-button type="submit" data-testid="log-time" [disabled]="!validMinutes()"
          >Log</ion-button
        >
      </form>
    }
  `,
  styleUrl: './edit.scss',
  styles: `
    .timer {
      justify-content: space-between;
      margin-bottom: 6px;
    }
    .elapsed {
      font-weight: 600;
    }
    .grow {
      flex: 1;
    }
    .minutes {
      width: 80px;
      flex: none;
    }
  `,
})
export class JobTimeComponent {
  private readonly sync = inject(SyncService);
  private readonly me = inject(OfflineStore).me;
  readonly job = input.required<LocalJob>();
  readonly logMinutes = signal('');
  readonly logNote = signal('');
  private readonly now = signal(Date.now());
  private busy = false;

  readonly closed = computed(() => isClosed(this.job()));
  readonly running = computed(() => runningTimer(this.job(), this.me()) ?? null);
  readonly elapsed = computed(() => {
    const r = this.running();
    return r
      ? formatMinutes(Math.max(0, Math.floor((this.now() - Date.parse(r.startedAt)) / 60_000)))
      : '';
  });
  readonly total = computed(() =>
    formatMinutes(this.job().timeEntries.reduce((sum, t) => sum + (t.minutes ?? 0), 0)),
  );
  readonly validMinutes = computed(() => {
    const n = Number(this.logMinutes());
    return Number.isInteger(n) && n >= 1 && n <= 720;
  });

  constructor() {
    addIcons({ playOutline, stopOutline });
    const tick = setInterval(() => this.now.set(Date.now()), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));
  }

  at(iso: string): string {
    return clock.format(new Date(iso));
  }

  minutes(n: number): string {
    return formatMinutes(n);
  }

  start(): Promise<void> {
    return this.once(() => !this.running(), 'startTimer');
  }

  stop(): Promise<void> {
    return this.once(() => !!this.running(), 'stopTimer');
  }

  /** Queues a timer change unless a double tap already did (or the timer is already so). */
  private async once(allowed: () => boolean, kind: 'startTimer' | 'stopTimer'): Promise<void> {
    if (this.busy || !allowed()) return;
    this.busy = true;
    try {
      await this.sync.enqueue(this.job(), { kind, at: new Date().toISOString() });
    } finally {
      this.busy = false;
    }
  }

  async log(): Promise<void> {
    if (!this.validMinutes()) return;
    const end = new Date();
    const start = new Date(end.getTime() - Number(this.logMinutes()) * 60_000);
    const note = this.logNote().trim() || undefined;
    this.logMinutes.set('');
    this.logNote.set('');
    await this.sync.enqueue(this.job(), {
      kind: 'logTime',
      startedAt: start.toISOString(),
      endedAt: end.toISOString(),
      note,
    });
  }
}
