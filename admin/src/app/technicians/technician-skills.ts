import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import {
  CreateTechnicianSkillGQL,
  SetTechnicianSkillsGQL,
  TechnicianSkillOptionsDocument,
  TechnicianSkillOptionsGQL,
  type TechnicianDetailFragment,
} from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { DraftList } from '../shared/draft-list';
import { ErrorBanner } from '../shared/error-banner';
import { queryState } from '../shared/query-state';
import {
  checkSkillName,
  LEVEL_NAMES,
  SKILL_LEVELS,
  skillDraftsOf,
  skillsChanged,
  skillsInput,
  withoutSkill,
  withSkill,
} from './technician.model';

/** The technician's skills with levels 1–3; editors change them and save the whole set. */
@Component({
  selector: 'att-technician-skills',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="technician-skills-card">
      <mat-card-header><mat-card-title>Skills</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (action.error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="skills-error" />
        }
        <ul class="skills">
          @for (s of drafts.items(); track s.skillId) {
            <li [attr.data-testid]="'skill-row-' + s.skillId">
              <span class="name">{{ s.name }}</span>
              @if (canEdit()) {
                <mat-form-field subscriptSizing="dynamic" class="level">
                  <mat-label>Level</mat-label>
                  <mat-select
                    [value]="s.level"
                    (valueChange)="setLevel(s.skillId, s.name, $event)"
                    [attr.data-testid]="'skill-level-' + s.skillId"
                  >
                    @for (l of levels; track l) {
                      <mat-option [value]="l">{{ l }} · {{ levelNames[l] }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <button
                  mat-button
                  type="button"
                  class="danger"
                  (click)="remove(s.skillId)"
                  [attr.aria-label]="'Remove ' + s.name"
                  [attr.data-testid]="'skill-remove-' + s.skillId"
                >
                  Remove
                </button>
              } @else {
                <span class="muted">{{ s.level }} · {{ levelNames[s.level] }}</span>
              }
            </li>
          } @empty {
            <li class="muted" data-testid="skills-empty">No skills recorded.</li>
          }
        </ul>

        @if (canEdit()) {
          <form class="add" (submit)="$event.preventDefault(); add()" data-testid="skill-add-form">
            <mat-form-field subscriptSizing="dynamic" class="grow">
              <mat-label>Add skill</mat-label>
              <mat-select [formControl]="pick" data-testid="skill-add-select">
                @for (o of available(); track o.id) {
                  <mat-option [value]="o.id">{{ o.name }}</mat-option>
                } @empty {
                  <mat-option disabled value="">No other skills; create one below</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic" class="level">
              <mat-label>Level</mat-label>
              <mat-select [formControl]="level" data-testid="skill-add-level">
                @for (l of levels; track l) {
                  <mat-option [value]="l">{{ l }} · {{ levelNames[l] }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <button
              mat-stroked-button
              type="submit"
              [disabled]="!pick.value"
              data-testid="skill-add"
            >
              Add
            </button>
          </form>
          <form
            class="add"
            (submit)="$event.preventDefault(); createSkill()"
            data-testid="skill-create-form"
          >
            <mat-form-field subscriptSizing="dynamic" class="grow">
              <mat-label>New skill name</mat-label>
              <input matInput [formControl]="newName" maxlength="80" data-testid="skill-new-name" />
            </mat-form-field>
            <button mat-button type="submit" [disabled]="action.busy()" data-testid="skill-create">
              Create and add
            </button>
          </form>
          <div class="actions">
            @if (drafts.dirty()) {
              <span class="unsaved" data-testid="skills-unsaved">Unsaved changes</span>
              <button mat-button type="button" (click)="reset()" data-testid="skills-reset">
                Discard
              </button>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="!drafts.dirty() || action.busy()"
              (click)="save()"
              data-testid="skills-save"
            >
              Save skills
            </button>
          </div>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .skills {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      flex: 1 1 auto;
      font-weight: 500;
    }
    .level {
      width: 150px;
    }
    .add {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 8px;
    }
    .grow {
      flex: 1 1 160px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
    .unsaved {
      color: #7a4300;
      font: var(--mat-sys-body-small);
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TechnicianSkills {
  readonly technician = input.required<TechnicianDetailFragment>();
  readonly canEdit = input(false);

  private readonly saveGql = inject(SetTechnicianSkillsGQL);
  private readonly createGql = inject(CreateTechnicianSkillGQL);
  private readonly options = queryState(inject(TechnicianSkillOptionsGQL).watch().valueChanges);

  protected readonly levels = SKILL_LEVELS;
  protected readonly levelNames = LEVEL_NAMES;
  /** The edited set. */
  protected readonly drafts = new DraftList(() => skillDraftsOf(this.technician()), skillsChanged);
  protected readonly available = computed(() => {
    const held = new Set(this.drafts.items().map((s) => s.skillId));
    return (this.options.data()?.skills ?? []).filter((s) => !held.has(s.id));
  });

  protected readonly pick = new FormControl('', { nonNullable: true });
  protected readonly level = new FormControl(1, { nonNullable: true });
  protected readonly newName = new FormControl('', { nonNullable: true });
  protected readonly action = new ActionState();

  protected setLevel(skillId: string, name: string, level: number): void {
    this.drafts.items.update((list) => withSkill(list, { skillId, name, level }));
  }

  protected remove(skillId: string): void {
    this.drafts.items.update((list) => withoutSkill(list, skillId));
  }

  protected add(): void {
    const skill = this.available().find((s) => s.id === this.pick.value);
    if (!skill) return;
    this.drafts.items.update((list) =>
      withSkill(list, { skillId: skill.id, name: skill.name, level: this.level.value }),
    );
    this.pick.reset();
  }

  protected async createSkill(): Promise<void> {
    const checked = checkSkillName(this.newName.value, this.options.data()?.skills ?? []);
    if ('error' in checked) return this.action.error.set(checked.error);
    await this.action.run(async () => {
      const res = await firstValueFrom(
        this.createGql.mutate({
          variables: { name: checked.name },
          refetchQueries: [{ query: TechnicianSkillOptionsDocument }],
        }),
      );
      const skill = res.data?.createSkill;
      if (skill) {
        this.drafts.items.update((list) =>
          withSkill(list, { skillId: skill.id, name: skill.name, level: this.level.value }),
        );
        this.newName.reset();
      }
    });
  }

  protected reset(): void {
    this.drafts.reset();
    this.action.error.set(null);
  }

  protected async save(): Promise<void> {
    await this.action.run(() =>
      firstValueFrom(
        this.saveGql.mutate({
          variables: { id: this.technician().id, skills: skillsInput(this.drafts.items()) },
        }),
      ),
    );
  }
}
