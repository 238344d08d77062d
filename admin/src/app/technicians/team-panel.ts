import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import {
  CreateTeamGQL,
  DeleteTeamGQL,
  RenameTeamGQL,
  TechnicianTeamsDocument,
  type TechnicianTeamFragment,
} from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { checkTeamName } from './technician.model';

/** Teams at a glance beside the technician list: create, rename and delete (editors only). */
@Component({
  selector: 'att-team-panel',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="team-panel">
      <mat-card-header><mat-card-title>Teams</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (action.error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="team-error" />
        }
        <ul class="teams">
          @for (team of teams(); track team.id) {
            <li [attr.data-testid]="'team-row-' + team.id">
              @if (renaming() === team.id) {
                <form class="inline" (submit)="$event.preventDefault(); rename(team)">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>Team name</mat-label>
                    <input
                      matInput
                      [formControl]="renameName"
                      maxlength="80"
                      data-testid="team-rename-name"
                      (keydown.escape)="renaming.set(null)"
                    />
                  </mat-form-field>
                  <button
                    mat-flat-button
                    type="submit"
                    [disabled]="action.busy()"
                    data-testid="team-rename-save"
                  >
                    Save
                  </button>
                  <button mat-button type="button" (click)="renaming.set(null)">Cancel</button>
                </form>
              } @else {
                <button
                  mat-button
                  type="button"
                  class="team-name"
                  [class.selected]="selectedId() === team.id"
                  (click)="select.emit(selectedId() === team.id ? '' : team.id)"
                  [attr.aria-pressed]="selectedId() === team.id"
                  data-testid="team-filter"
                >
                  {{ team.name }}
                  <span class="count">{{ team.technicians.length }}</span>
                </button>
                @if (canEdit()) {
                  <span class="actions">
                    <button
                      mat-button
                      type="button"
                      (click)="startRename(team)"
                      [attr.aria-label]="'Rename ' + team.name"
                      data-testid="team-rename"
                    >
                      Rename
                    </button>
                    <button
                      mat-button
                      type="button"
                      class="danger"
                      [disabled]="action.busy()"
                      (click)="remove(team)"
                      [attr.aria-label]="'Delete ' + team.name"
                      data-testid="team-delete"
                    >
                      Delete
                    </button>
                  </span>
                }
              }
            </li>
          } @empty {
            <li class="muted" data-testid="team-empty">No teams yet.</li>
          }
        </ul>
        @if (canEdit()) {
          <form class="inline" (submit)="$event.preventDefault(); create()" data-testid="team-form">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>New team</mat-label>
              <input matInput [formControl]="newName" maxlength="80" data-testid="team-name" />
            </mat-form-field>
            <button
              mat-stroked-button
              type="submit"
              [disabled]="action.busy()"
              data-testid="team-create"
            >
              Add
            </button>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .teams {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 4px;
      flex-wrap: wrap;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 2px 0;
    }
    .team-name {
      flex: 1 1 auto;
      justify-content: flex-start;
      text-align: left;
    }
    .team-name.selected {
      background: var(--mat-sys-secondary-container);
    }
    .count {
      margin-left: 6px;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .inline {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      width: 100%;
      padding: 4px 0;
    }
    .inline mat-form-field {
      flex: 1 1 160px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      padding: 8px 0;
    }
  `,
})
export class TeamPanel {
  readonly teams = input.required<readonly TechnicianTeamFragment[]>();
  readonly canEdit = input(false);
  readonly selectedId = input('');
  /** A team id to filter the list by ('' = any team). */
  readonly select = output<string>();

  private readonly dialog = inject(MatDialog);
  private readonly createGql = inject(CreateTeamGQL);
  private readonly renameGql = inject(RenameTeamGQL);
  private readonly deleteGql = inject(DeleteTeamGQL);

  protected readonly newName = new FormControl('', { nonNullable: true });
  protected readonly renameName = new FormControl('', { nonNullable: true });
  protected readonly renaming = signal<string | null>(null);
  protected readonly action = new ActionState();

  protected startRename(team: TechnicianTeamFragment): void {
    this.action.error.set(null);
    this.renameName.setValue(team.name);
    this.renaming.set(team.id);
  }

  protected async create(): Promise<void> {
    const checked = checkTeamName(this.newName.value, this.teams());
    if ('error' in checked) return this.action.error.set(checked.error);
    const ok = await this.action.run(() =>
      firstValueFrom(
        this.createGql.mutate({
          variables: { name: checked.name },
          refetchQueries: [{ query: TechnicianTeamsDocument }],
          awaitRefetchQueries: true,
        }),
      ),
    );
    if (ok) this.newName.reset();
  }

  protected async rename(team: TechnicianTeamFragment): Promise<void> {
    const checked = checkTeamName(this.renameName.value, this.teams(), team.id);
    if ('error' in checked) return this.action.error.set(checked.error);
    if (checked.name === team.name) return this.renaming.set(null);
    const ok = await this.action.run(() =>
      firstValueFrom(this.renameGql.mutate({ variables: { id: team.id, name: checked.name } })),
    );
    if (ok) this.renaming.set(null);
  }

  protected async remove(team: TechnicianTeamFragment): Promise<void> {
    const members = team.technicians.length;
    const confirmed = await confirmAction(this.dialog, {
      title: `Delete ${team.name}?`,
      message:
        members > 0
          ? `Its ${members} technician${members === 1 ? '' : 's'} and its work orders stay, without a team.`
          : 'Its work orders stay, without a team.',
      confirm: 'Delete team',
      danger: true,
    });
    if (!confirmed) return;
    const ok = await this.action.run(() =>
      firstValueFrom(
        this.deleteGql.mutate({
          variables: { id: team.id },
          // Its members lose the team: the list shows them without it.
          refetchQueries: [{ query: TechnicianTeamsDocument }, 'Technicians'],
          awaitRefetchQueries: true,
        }),
      ),
    );
    if (ok && this.selectedId() === team.id) this.select.emit('');
  }
}
