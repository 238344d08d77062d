import { Trend } from '@attendant/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(Trend, { name: 'Trend', description: 'Direction since the previous computation' });

@ObjectType({ description: 'One input of a health score and how much it counts' })
export class HealthFactor {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Float, { description: 'Share of the score, 0–1' }) weight!: number;
  @Field(() => Float) value!: number;
}

@ObjectType({
  description: 'How the relationship with a guest or customer is going, 0 (at risk) to 100 (great)',
})
export class HealthScore {
  @Field(() => Int) score!: number;
  @Field(() => Trend) trend!: Trend;
  @Field(() => [HealthFactor], { description: 'What the score is made of' })
  factors!: HealthFactor[];
  @Field() computedAt!: Date;
}
