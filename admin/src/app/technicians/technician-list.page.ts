import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import {
  TechniciansGQL,
  TechnicianSkillOptionsGQL,
  TechnicianTeamsGQL,
  type TechnicianListRowFragment,
  type TechniciansQueryVariables,
} from '../generated/graphql';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { ConnectionPager } from '../shared/connection-pager';
import { liveQuery, queryState } from '../shared/query-state';
import { TeamPanel } from './team-panel';
import { TechnicianFilterBar } from './technician-filters';
import { TechnicianTable } from './technician-table';
import {
  TECHNICIAN_EDITORS,
  technicianFiltersOf,
  technicianParamsOf,
  type TechnicianFilters,
} from './technician.model';
import { sameJson } from '../shared/same-json';
import { queryParamsWriter } from '../shared/url-filters';

/** /technicians: filterable, cursor-paged list of technicians, with the teams beside it. */
@Component({
  selector: 'att-technician-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TechnicianFilterBar,
    TechnicianTable,
    TeamPanel,
    ConnectionPager,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>Technicians</h1>
      @if (canEdit()) {
        <a mat-flat-button routerLink="/technicians/new" data-testid="technician-new"
          >New technician</a
        >
      }
    </header>

    <div class="layout">
      <section class="main">
        <att-technician-filters
          [filters]="filters()"
          [teams]="teams()"
          [skills]="skills()"
          (filterChange)="navigate($event)"
        />

        @if (error(); as err) {
          <att-error-banner
            [message]="err"
            (retry)="list.refetch()"
            data-testid="technician-list-error"
          />
        }
        <div class="progress">
          @if (list.loading() && rows().length > 0) {
            <mat-progress-bar mode="indeterminate" />
          }
        </div>

        <att-technician-table [rows]="rows()" [loading]="list.loading()" (open)="open($event)" />

        @if (!list.loading() && !error() && rows().length === 0) {
          <p class="empty" data-testid="technician-empty">{{ emptyMessage() }}</p>
        }

        <att-connection-pager
          [pager]="pager"
          [connection]="connection()"
          [count]="rows().length"
          [busy]="list.loading()"
        />
      </section>

      <aside class="side">
        @if (teamsError(); as err) {
          <att-error-banner [message]="err" [retryLabel]="null" data-testid="team-load-error" />
        }
        <att-team-panel
          [teams]="teams()"
          [canEdit]="canEdit()"
          [selectedId]="filters().teamId"
          (select)="navigate({ ...filters(), teamId: $event })"
        />
      </aside>
    </div>
  `,
  styleUrl: './technician-list.page.scss',
})
export class TechnicianListPage {
  /** Query parameters (bound by the router): `?q=…&team=<id>&skill=<name>&inactive=1`. */
  readonly q = input<string>();
  readonly team = input<string>();
  readonly skill = input<string>();
  readonly inactive = input<string>();

  private readonly router = inject(Router);
  private readonly writeParams = queryParamsWriter();
  private readonly store = inject(SessionStore);
  private readonly gql = inject(TechniciansGQL);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(TECHNICIAN_EDITORS));
  protected readonly pager = new CursorPager(25);
  protected readonly filters = computed<TechnicianFilters>(
    () =>
      technicianFiltersOf({
        q: this.q(),
        team: this.team(),
        skill: this.skill(),
        inactive: this.inactive(),
      }),
    { equal: sameJson },
  );

  private readonly variables = computed<TechniciansQueryVariables>(() => {
    const f = this.filters();
    return {
      first: this.pager.pageSize,
      after: this.pager.after(),
      includeInactive: f.includeInactive,
      ...(f.search ? { search: f.search } : {}),
      ...(f.teamId ? { teamId: f.teamId } : {}),
      ...(f.skill ? { skill: f.skill } : {}),
    };
  });
  protected readonly list = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.list.data()?.technicians);
  protected readonly rows = computed<readonly TechnicianListRowFragment[]>(
    () => this.connection()?.nodes ?? [],
  );
  protected readonly error = computed(() =>
    this.list.error() ? messageOf(this.list.error()) : null,
  );
  protected readonly emptyMessage = computed(() => {
    const f = this.filters();
    return f.search || f.teamId || f.skill
      ? 'No technicians match these filters'
      : 'No technicians yet. Add the first one to plan their jobs.';
  });

  private readonly teamsQuery = queryState(inject(TechnicianTeamsGQL).watch().valueChanges);
  protected readonly teams = computed(() => this.teamsQuery.data()?.teams ?? []);
  protected readonly teamsError = computed(() =>
    this.teamsQuery.error() ? messageOf(this.teamsQuery.error()) : null,
  );
  private readonly skillsQuery = queryState(inject(TechnicianSkillOptionsGQL).watch().valueChanges);
  protected readonly skills = computed(() => this.skillsQuery.data()?.skills ?? []);

  protected navigate(filters: TechnicianFilters): void {
    this.pager.reset();
    this.writeParams(technicianParamsOf(filters));
  }

  protected open(row: TechnicianListRowFragment): void {
    void this.router.navigate(['/technicians', row.id]);
  }
}
