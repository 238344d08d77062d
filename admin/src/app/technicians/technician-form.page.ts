import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  CreateTechnicianGQL,
  TechnicianDetailGQL,
  TechnicianTeamsGQL,
  TechnicianUserOptionsGQL,
  UpdateTechnicianGQL,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { FormRules } from '../shared/form-rules';
import { queryState } from '../shared/query-state';
import { RecordForm } from '../shared/record-form';
import { toggleDay, WEEKDAYS } from '../shared/weekdays';
import {
  createTechnicianInput,
  KEEP_USER,
  newTechnicianForm,
  technicianFieldOf,
  technicianFormOf,
  updateTechnicianInput,
  validateTechnician,
  type TechnicianField,
  type TechnicianFormValue,
} from './technician.model';

/** /technicians/new and /technicians/:id/edit. */
@Component({
  selector: 'att-technician-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './technician-form.page.html',
  styleUrl: './technician-form.page.scss',
})
export class TechnicianFormPage implements OnInit {
  /** Route parameter `:id` when editing. */
  readonly id = input<string>();

  private readonly detailGql = inject(TechnicianDetailGQL);
  private readonly createGql = inject(CreateTechnicianGQL);
  private readonly updateGql = inject(UpdateTechnicianGQL);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    name: '',
    email: '',
    phone: '',
    teamId: '',
    homeAddress: '',
    homeLat: this.fb.control<number | null>(null),
    homeLng: this.fb.control<number | null>(null),
    vehicle: '',
    vehicleCapacity: this.fb.control<number | null>(null),
    shiftStart: '',
    shiftEnd: '',
    workDays: this.fb.control<number[]>([]),
    maxJobsPerDay: this.fb.control<number | null>(null),
    userId: '',
  });
  protected readonly rules = new FormRules<TechnicianFormValue, TechnicianField>(
    this.form,
    validateTechnician,
    inject(DestroyRef),
  );
  protected readonly weekdays = WEEKDAYS;
  protected readonly keepUser = KEEP_USER;

  private readonly teamsQuery = queryState(inject(TechnicianTeamsGQL).watch().valueChanges);
  protected readonly teams = computed(() => this.teamsQuery.data()?.teams ?? []);
  private readonly usersQuery = queryState(inject(TechnicianUserOptionsGQL).watch().valueChanges);
  protected readonly users = computed(() => this.usersQuery.data()?.assignableUsers ?? []);

  protected readonly editing = computed(() => !!this.id());
  protected readonly title = signal('New technician');
  protected readonly record = new RecordForm(this.form, this.rules, newTechnicianForm(), {
    path: '/technicians',
    notFound: 'This technician does not exist.',
    fieldOf: technicianFieldOf,
  });

  ngOnInit(): void {
    if (this.id()) void this.load();
    else this.form.reset(newTechnicianForm());
  }

  protected async load(): Promise<void> {
    const id = this.id();
    if (!id) return;
    await this.record.load(async () => {
      const res = await firstValueFrom(
        this.detailGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }),
      );
      const technician = res.data?.technician;
      if (!technician) throw res.error ?? new Error('Technician not found');
      this.title.set(`Edit ${technician.name}`);
      return technicianFormOf(technician);
    });
  }

  protected hasDay(day: number): boolean {
    return this.form.controls.workDays.value.includes(day);
  }

  protected toggleDay(day: number): void {
    const control = this.form.controls.workDays;
    control.setValue(toggleDay(control.value, day));
    control.markAsTouched();
  }

  protected save(): Promise<void> {
    const id = this.id();
    return this.record.save(async (value) => {
      if (id) {
        const input = updateTechnicianInput(value, this.record.before);
        if (Object.keys(input).length > 0)
          await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }));
        this.form.markAsPristine();
        return id;
      }
      const res = await firstValueFrom(
        this.createGql.mutate({ variables: { input: createTechnicianInput(value) } }),
      );
      return res.data?.createTechnician?.id;
    });
  }

  protected cancel(): void {
    this.record.leave(this.id());
  }
}
