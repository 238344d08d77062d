import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CursorPager } from './cursor-pager';
import { Pager } from './pager';

/** What a paged GraphQL connection says about its pages. */
export interface PagedConnection {
  totalCount?: number | null;
  pageInfo?: { hasNextPage: boolean; endCursor?: string | null } | null;
}

/** The pager of a cursor-paged list: Previous / Next through `pager`, totals from `connection`. */
@Component({
  selector: 'att-connection-pager',
  imports: [Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <att-pager
      [page]="pager().page()"
      [pageSize]="pager().pageSize"
      [count]="count()"
      [total]="connection()?.totalCount ?? null"
      [hasPrevious]="pager().hasPrevious()"
      [hasNext]="connection()?.pageInfo?.hasNextPage ?? false"
      [busy]="busy()"
      (previous)="pager().previous()"
      (next)="pager().next(connection()?.pageInfo?.endCursor)"
    />
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ConnectionPager {
  readonly pager = input.required<CursorPager>();
  readonly connection = input<PagedConnection | null | undefined>(null);
  /** Rows on this page. */
  readonly count = input.required<number>();
  readonly busy = input(false);
}
