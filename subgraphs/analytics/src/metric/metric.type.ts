import { Field, Float, ID, ObjectType } from 'type-graphql';

/** The metric `Technician.utilization` averages: share of a day's shift spent on jobs, 0–1. */
export const TECHNICIAN_UTILIZATION = 'technician.utilization';

@ObjectType({ description: 'The value of a metric over one period' })
export class MetricSnapshot {
  @Field({ description: 'Metric name, like "technician.utilization"' }) metric!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'What the value is about (e.g. a technician); null for the whole organization',
  })
  subjectId!: string | null;
  @Field() periodStart!: Date;
  @Field() periodEnd!: Date;
  @Field(() => Float) value!: number;
}
