import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import {
  FormBuilder,
  ReactiveFormsModule,
  Validators,
  type FormArray,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../core/errors';
import { CatalogCreateSkillGQL, type CatalogSkillsQuery } from '../../generated/graphql';
import { SKILL_LEVELS, SKILLS_MAX } from './catalog.model';

export type SkillRowGroup = FormGroup<{
  skillId: FormControl<string>;
  minLevel: FormControl<number>;
}>;

/** A required-skill row of the form. */
export function skillRow(fb: FormBuilder, skillId = '', minLevel = 1): SkillRowGroup {
  return fb.nonNullable.group({
    skillId: [skillId, Validators.required],
    minLevel: [minLevel, [Validators.required, Validators.min(1), Validators.max(3)]],
  });
}

export type SkillOption = CatalogSkillsQuery['skills'][number];

/** Required skills of a service type: a skill and a minimum level per row; new skills inline. */
@Component({
  selector: 'att-required-skills-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset data-testid="service-type-skills-editor">
      <legend>Required skills</legend>
      @for (row of array().controls; track row; let i = $index) {
        <div class="row" [formGroup]="row" data-testid="service-type-skill-row">
          <mat-form-field subscriptSizing="dynamic" class="skill">
            <mat-label>Skill</mat-label>
            <mat-select formControlName="skillId" data-testid="service-type-skill">
              @for (s of skills(); track s.id) {
                <mat-option [value]="s.id">{{ s.name }}</mat-option>
              }
            </mat-select>
            @if (row.controls.skillId.touched && row.controls.skillId.invalid) {
              <mat-error>Choose a skill</mat-error>
            }
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="level">
            <mat-label>Minimum level</mat-label>
            <mat-select formControlName="minLevel" data-testid="service-type-skill-level">
              @for (l of levels; track l.level) {
                <mat-option [value]="l.level">{{ l.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            mat-icon-button
            type="button"
            (click)="array().removeAt(i)"
            [attr.aria-label]="'Remove required skill ' + (i + 1)"
            data-testid="service-type-skill-remove"
          >
            ×
          </button>
        </div>
      }
      @if (duplicate()) {
        <p class="error" role="alert" data-testid="field-error-skills">{{ duplicate() }}</p>
      }
      <div class="add">
        <button
          mat-stroked-button
          type="button"
          (click)="add()"
          [disabled]="array().length >= max || skills().length === 0"
          data-testid="service-type-skill-add"
        >
          Add required skill
        </button>
        <mat-form-field subscriptSizing="dynamic" class="new-skill">
          <mat-label>New skill</mat-label>
          <input
            matInput
            [value]="newName()"
            (input)="newName.set($any($event.target).value)"
            (keydown.enter)="$event.preventDefault(); create()"
            maxlength="60"
            data-testid="service-type-new-skill"
          />
        </mat-form-field>
        <button
          mat-button
          type="button"
          (click)="create()"
          [disabled]="creating() || newName().trim().length < 2"
          data-testid="service-type-create-skill"
        >
          {{ creating() ? 'Creating…' : 'Create skill' }}
        </button>
      </div>
      @if (createError(); as e) {
        <p class="error" role="alert" data-testid="service-type-create-skill-error">{{ e }}</p>
      }
    </fieldset>
  `,
  styleUrl: '../settings-editor.scss',
})
export class RequiredSkillsEditor {
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(CatalogCreateSkillGQL);

  readonly array = input.required<FormArray<SkillRowGroup>>();
  readonly skills = input.required<readonly SkillOption[]>();
  /** A message for skills chosen twice, from the form's validator. */
  readonly duplicate = input<string | null>(null);
  readonly skillCreated = output<SkillOption>();

  protected readonly levels = SKILL_LEVELS;
  protected readonly max = SKILLS_MAX;
  protected readonly newName = signal('');
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);

  protected add(skillId = ''): void {
    this.array().push(skillRow(this.fb, skillId));
    this.array().markAsDirty();
  }

  /** Creates the skill and adds it as a requirement at level 1. */
  protected async create(): Promise<void> {
    const name = this.newName().trim();
    if (name.length < 2 || this.creating()) return;
    const existing = this.skills().find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      this.add(existing.id);
      this.newName.set('');
      return;
    }
    this.creating.set(true);
    this.createError.set(null);
    try {
      const res = await firstValueFrom(this.createGql.mutate({ variables: { name } }));
      const skill = res.data?.createSkill;
      if (!skill) throw res.error ?? new Error('The skill was not created');
      this.skillCreated.emit(skill);
      if (this.array().length < this.max) this.add(skill.id);
      this.newName.set('');
    } catch (err) {
      this.createError.set(messageOf(err));
    } finally {
      this.creating.set(false);
    }
  }
}
