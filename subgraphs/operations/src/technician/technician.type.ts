import { Connection } from '@attendant/kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class Skill {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({
  description: 'A skill a technician holds, with a level from 1 (basic) to 3 (expert)',
})
export class TechnicianSkill {
  @Field(() => Skill) skill!: Skill;
  @Field(() => Int) level!: number;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Technician {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) homeAddress!: string | null;
  @Field(() => Float, { nullable: true }) homeLat!: number | null;
  @Field(() => Float, { nullable: true }) homeLng!: number | null;
  @Field(() => String, { nullable: true }) vehicle!: string | null;
  @Field(() => Int, { description: 'Shift start, minutes after local midnight' })
  shiftStartMin!: number;
  @Field(() => Int, { description: 'Shift end, minutes after local midnight' })
  shiftEndMin!: number;
  @Field(() => Int) maxJobsPerDay!: number;
  @Field() active!: boolean;
  @Field(() => [TechnicianSkill]) skills!: TechnicianSkill[];
  organizationId!: string;
}

export const TechnicianConnection = Connection(Technician, 'Technician');
