import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  IntrospectionField,
  IntrospectionInputValue,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';
import { ErrorBanner } from '../shared/error-banner';
import { ExplorerClient } from './explorer-client';

type Root = 'queryType' | 'mutationType' | 'subscriptionType';
interface RootFields {
  title: string;
  root: Root;
  fields: readonly IntrospectionField[];
}

const TYPE_REF =
  'fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const ROOT_FIELDS = `fragment RootFields on __Type { name fields { name description args { name description defaultValue type { ...TypeRef } } type { ...TypeRef } } }`;
/* One request per root type: the gateway prices list fields, and all three at once cost too much. */
const introspect = (root: Root) =>
  `query ExplorerSchema { __schema { ${root} { ...RootFields } } }\n${ROOT_FIELDS}\n${TYPE_REF}`;

const ROOTS: { root: Root; title: string }[] = [
  { root: 'queryType', title: 'Query' },
  { root: 'mutationType', title: 'Mutation' },
  { root: 'subscriptionType', title: 'Subscription' },
];

export function typeName(t: IntrospectionTypeRef): string {
  if (t.kind === 'NON_NULL') return `${typeName(t.ofType)}!`;
  if (t.kind === 'LIST') return `[${typeName(t.ofType)}]`;
  return t.name;
}

/** Root Query, Mutation and Subscription fields with their arguments and types. */
@Component({
  selector: 'att-schema-browser',
  imports: [MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule, ErrorBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="filter" subscriptSizing="dynamic">
      <mat-label>Find a field</mat-label>
      <input
        matInput
        type="search"
        [value]="term()"
        (input)="term.set($any($event.target).value)"
        data-testid="schema-filter"
      />
    </mat-form-field>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="load()" />
    }
    @for (section of visible(); track section.root) {
      <section [attr.data-testid]="'schema-' + section.title">
        <h3>
          {{ section.title }} <span class="count">{{ section.fields.length }}</span>
        </h3>
        <ul>
          @for (f of section.fields; track f.name) {
            <li [attr.data-testid]="'schema-field-' + f.name" [title]="f.description ?? ''">
              <button
                type="button"
                class="field"
                (click)="pick.emit({ root: section.title, field: f })"
              >
                <span class="name">{{ f.name }}</span>
                @if (f.args.length) {
                  <span class="args">({{ argList(f.args) }})</span>
                }
                <span class="sep">: </span><span class="type">{{ typeOf(f.type) }}</span>
              </button>
              @if (f.description) {
                <div class="desc">{{ f.description }}</div>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .filter {
      width: 100%;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .field {
      all: unset;
      cursor: pointer;
      font-family: 'Roboto Mono', ui-monospace, monospace;
      font-size: 12.5px;
      overflow-wrap: anywhere;
    }
    .field:hover .name,
    .field:focus-visible .name {
      text-decoration: underline;
    }
    .name {
      color: #1b5e9e;
      font-weight: 500;
    }
    .args {
      color: var(--mat-sys-on-surface-variant);
    }
    .type {
      color: #7b3fa0;
    }
    .desc {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SchemaBrowser {
  private readonly client = inject(ExplorerClient);
  readonly pick = output<{ root: string; field: IntrospectionField }>();

  protected readonly term = signal('');
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly sections = signal<readonly RootFields[]>([]);
  protected readonly visible = computed(() => {
    const term = this.term().trim().toLowerCase();
    return this.sections()
      .map((s) => ({
        ...s,
        fields: term ? s.fields.filter((f) => f.name.toLowerCase().includes(term)) : s.fields,
      }))
      .filter((s) => s.fields.length > 0 || !term);
  });

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const results = await Promise.all(
        ROOTS.map(({ root }) =>
          this.client.execute({ query: introspect(root), operationName: 'ExplorerSchema' }),
        ),
      );
      const sections: RootFields[] = [];
      results.forEach(({ body }, i) => {
        if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
        const schema = (
          body.data as { __schema: Record<Root, IntrospectionType | null> } | undefined
        )?.__schema;
        const type = schema?.[ROOTS[i].root];
        const fields =
          type && 'fields' in type
            ? [...type.fields].sort((a, b) => a.name.localeCompare(b.name))
            : [];
        if (type) sections.push({ ...ROOTS[i], fields });
      });
      this.sections.set(sections);
    } catch (err) {
      this.error.set(
        `Could not load the schema: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      this.loading.set(false);
    }
  }

  protected typeOf(t: IntrospectionTypeRef): string {
    return typeName(t);
  }

  protected argList(args: readonly IntrospectionInputValue[]): string {
    return args
      .map(
        (a) =>
          `${a.name}: ${typeName(a.type)}${a.defaultValue != null ? ` = ${a.defaultValue}` : ''}`,
      )
      .join(', ');
  }
}
