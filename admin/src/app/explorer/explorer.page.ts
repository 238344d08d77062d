import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { IntrospectionField } from 'graphql';
import type { Subscription } from 'rxjs';
import { ExplorerClient } from './explorer-client';
import { operationsOf, templateFor, type ParsedOperation } from './operation';
import { SchemaBrowser } from './schema-browser';

const STORAGE_KEY = 'attendant.admin.explorer';
const EXAMPLE = `query Example {
  me {
    name
    roles
    organization { name kind }
  }
  workOrders(first: 5) {
    totalCount
    nodes { number title status }
  }
}
`;

interface Saved {
  query: string;
  variables: string;
}

/** /explorer: write and run GraphQL operations as yourself, and browse the root fields. */
@Component({
  selector: 'att-explorer',
  imports: [MatButtonModule, MatProgressBarModule, MatSelectModule, SchemaBrowser],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './explorer.page.html',
  styleUrl: './explorer.page.scss',
})
export class ExplorerPage {
  private readonly client = inject(ExplorerClient);
  private readonly saved = read();

  protected readonly query = signal(this.saved?.query ?? EXAMPLE);
  protected readonly variables = signal(this.saved?.variables ?? '{}');
  protected readonly chosen = signal<string | null>(null);
  protected readonly running = signal(false);
  protected readonly live = signal(false);
  protected readonly result = signal<string | null>(null);
  protected readonly errors = signal<readonly string[]>([]);
  protected readonly status = signal<string | null>(null);

  protected readonly parsed = computed(() => operationsOf(this.query()));
  protected readonly names = computed(() =>
    this.parsed().operations.flatMap((o) => (o.name ? [o.name] : [])),
  );
  protected readonly operation = computed((): ParsedOperation | null => {
    const ops = this.parsed().operations;
    return ops.find((o) => o.name === this.chosen()) ?? ops[0] ?? null;
  });
  protected readonly variablesError = computed(() => {
    const text = this.variables().trim();
    if (!text) return null;
    try {
      const v: unknown = JSON.parse(text);
      return v && typeof v === 'object' && !Array.isArray(v)
        ? null
        : 'Variables must be a JSON object';
    } catch (err) {
      return `Variables are not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
    }
  });

  private subscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  protected edit(which: 'query' | 'variables', value: string): void {
    (which === 'query' ? this.query : this.variables).set(value);
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ query: this.query(), variables: this.variables() } satisfies Saved),
    );
  }

  protected keydown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void this.run();
    }
  }

  protected insert(pick: { root: string; field: IntrospectionField }): void {
    const current = this.query().trimEnd();
    const template = templateFor(pick.root, pick.field);
    this.edit('query', current ? `${current}\n\n${template}` : template);
    this.chosen.set(operationsOf(template).operations[0]?.name ?? null);
  }

  async run(): Promise<void> {
    this.stop();
    const { error } = this.parsed();
    const op = this.operation();
    this.errors.set([]);
    this.result.set(null);
    if (error || !op) {
      this.errors.set([error ?? 'Write an operation to run']);
      return;
    }
    if (this.variablesError()) {
      this.errors.set([this.variablesError()!]);
      return;
    }
    const request = {
      query: this.query(),
      variables: this.variables().trim()
        ? (JSON.parse(this.variables()) as Record<string, unknown>)
        : {},
      ...(op.name ? { operationName: op.name } : {}),
    };
    if (op.type === 'subscription') {
      this.subscribe(request);
      return;
    }
    this.running.set(true);
    const started = performance.now();
    try {
      const { status, body } = await this.client.execute(request);
      this.status.set(`HTTP ${status} · ${Math.round(performance.now() - started)} ms`);
      this.errors.set((body.errors ?? []).map((e) => e.message));
      this.result.set(JSON.stringify(body, null, 2));
    } catch (err) {
      this.status.set(null);
      this.errors.set([`Request failed: ${err instanceof Error ? err.message : String(err)}`]);
    } finally {
      this.running.set(false);
    }
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.live.set(false);
  }

  private subscribe(request: {
    query: string;
    variables: Record<string, unknown>;
    operationName?: string;
  }): void {
    const events: unknown[] = [];
    this.live.set(true);
    this.status.set('Subscribed · waiting for events');
    this.result.set('[]');
    this.subscription = this.client.subscribe(request).subscribe({
      next: (event) => {
        events.unshift(event);
        this.status.set(`Subscribed · ${events.length} event${events.length === 1 ? '' : 's'}`);
        const e = event as { error?: { message?: string } };
        if (e.error?.message) this.errors.set([e.error.message]);
        this.result.set(JSON.stringify(events.slice(0, 50), null, 2));
      },
      error: (err: unknown) => {
        this.errors.set([err instanceof Error ? err.message : String(err)]);
        this.live.set(false);
      },
      complete: () => {
        this.live.set(false);
        this.status.set(`Subscription ended · ${events.length} events`);
      },
    });
  }
}

function read(): Saved | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}
