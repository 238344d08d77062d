import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import {
  DeleteMessageTemplateGQL,
  MessageTemplatesGQL,
  UpdateMessageTemplateGQL,
  type Channel,
  type MessageTemplateFieldsFragment,
} from '../../generated/graphql';
import { ConnectionPager } from '../../shared/connection-pager';
import { CursorPager } from '../../shared/cursor-pager';
import { ErrorBanner } from '../../shared/error-banner';
import { liveQuery } from '../../shared/query-state';
import { SettingsList } from '../settings-list';
import { TemplateDialog, type TemplateDialogData } from './template.dialog';
import { TemplateTable } from './template-table';
import { channelLabel, TEMPLATE_CHANNELS } from './templates.model';

/** /settings/templates: the texts triggers and people send, per channel and language. */
@Component({
  selector: 'att-templates-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ErrorBanner,
    ConnectionPager,
    TemplateTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <div>
        <h2>Message templates</h2>
        <p class="muted">
          Texts with merge fields like {{ example }}, one per channel and language. Triggers send
          them automatically; the preview shows them with sample data.
        </p>
      </div>
      @if (list.canEdit()) {
        <button mat-flat-button type="button" (click)="edit(null)" data-testid="template-new">
          New template
        </button>
      }
    </header>

    <div class="toolbar">
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label>Search</mat-label>
        <input
          matInput
          type="search"
          [formControl]="search"
          placeholder="Name or text"
          data-testid="template-search"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Channel</mat-label>
        <mat-select
          [value]="channel()"
          (valueChange)="channel.set($event)"
          data-testid="template-filter-channel"
        >
          <mat-option [value]="null">All channels</mat-option>
          @for (c of channels; track c) {
            <mat-option [value]="c">{{ label(c) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Language</mat-label>
        <mat-select
          [value]="language()"
          (valueChange)="language.set($event)"
          data-testid="template-filter-language"
        >
          <mat-option [value]="null">All languages</mat-option>
          @for (l of languages(); track l) {
            <mat-option [value]="l">{{ l }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    @if (list.error(); as message) {
      <att-error-banner [message]="message" (retry)="list.retry()" data-testid="template-error" />
    }
    <div class="progress">
      @if (templates.loading() || list.busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-template-table
        [rows]="rows()"
        [canEdit]="list.canEdit()"
        [busy]="list.busy()"
        (edit)="edit($event)"
        (toggleActive)="toggleActive($event)"
        (remove)="remove($event)"
      />
      <att-connection-pager
        [pager]="pager"
        [connection]="page()"
        [count]="rows().length"
        [busy]="templates.loading()"
      />
    } @else if (!templates.loading() && !list.error()) {
      <p class="empty" data-testid="template-empty">
        @if (filtered()) {
          No templates match.
        } @else {
          No templates yet. Write one for each message your triggers send, e.g. a reminder the day
          before a visit.
        }
      </p>
    }
  `,
  styleUrl: '../settings-page.scss',
})
export class TemplatesPage {
  private readonly gql = inject(MessageTemplatesGQL);
  private readonly updateGql = inject(UpdateMessageTemplateGQL);
  private readonly deleteGql = inject(DeleteMessageTemplateGQL);

  protected readonly example = '{{guest.firstName}}';
  protected readonly channels = TEMPLATE_CHANNELS;
  protected readonly label = channelLabel;
  protected readonly pager = new CursorPager(25);
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly searchText = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(250),
      map((s) => s.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly channel = signal<Channel | null>(null);
  protected readonly language = signal<string | null>(null);
  private readonly filter = computed(() => ({
    search: this.searchText() || null,
    channel: this.channel(),
    language: this.language(),
  }));
  protected readonly filtered = computed(() => Object.values(this.filter()).some((v) => v));

  private readonly variables = computed(() => ({
    filter: this.filter(),
    first: this.pager.pageSize,
    after: this.pager.after(),
  }));
  protected readonly templates = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly list = new SettingsList(this.templates);
  protected readonly page = computed(() => this.templates.data()?.templatePage ?? null);
  protected readonly rows = computed(() => this.page()?.nodes ?? []);
  protected readonly languages = computed(() => this.templates.data()?.templateLanguages ?? []);

  constructor() {
    // A new filter starts again from the first page.
    effect(() => {
      this.filter();
      this.pager.reset();
    });
  }

  protected edit(template: MessageTemplateFieldsFragment | null): Promise<void> {
    return this.list.edit<TemplateDialog, TemplateDialogData, MessageTemplateFieldsFragment>(
      TemplateDialog,
      { data: { template }, width: 'min(1080px, 96vw)', autoFocus: 'first-tabbable' },
    );
  }

  protected toggleActive(t: MessageTemplateFieldsFragment): Promise<void> {
    const deactivating = t.active;
    const question = deactivating
      ? {
          title: `Deactivate ${t.name}?`,
          message:
            t.triggerCount > 0
              ? `Its ${t.triggerCount} trigger(s) skip their sends while it is inactive.`
              : 'It can no longer be chosen for a trigger.',
          confirm: 'Deactivate',
        }
      : null;
    return this.list.change(question, async () => {
      const res = await firstValueFrom(
        this.updateGql.mutate({ variables: { id: t.id, input: { active: !deactivating } } }),
      );
      if (!res.data?.updateTemplate) throw res.error ?? new Error('Nothing changed');
      this.list.notify(`${deactivating ? 'Deactivated' : 'Activated'} ${t.name}`);
    });
  }

  protected remove(t: MessageTemplateFieldsFragment): Promise<void> {
    const consequence =
      t.triggerCount > 0
        ? `${t.triggerCount} trigger(s) use it, so it cannot be deleted yet; the server will refuse. Point them at another template or deactivate it instead.`
        : 'It is gone for good. Messages already sent with it stay.';
    return this.list.delete(t, consequence, async () => {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: t.id } }));
      if (!res.data?.deleteTemplate) throw res.error ?? new Error('The template was not deleted');
    });
  }
}
