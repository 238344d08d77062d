import { Money } from '@attendant/kit';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Technician } from '../technician/technician.type';
import { Vendor } from '../vendor/vendor.type';

export enum CandidateKind {
  TECHNICIAN = 'TECHNICIAN',
  VENDOR = 'VENDOR',
}
registerEnumType(CandidateKind, {
  name: 'CandidateKind',
  description: 'Whether a candidate is an own technician or an outside vendor',
});

@ObjectType({ description: 'One criterion of a candidate’s ranking' })
export class MatchFactor {
  @Field({ description: 'Skill fit, Availability, Distance, Cost or Quality' }) name!: string;
  @Field(() => Float, { description: '0 (worst) to 1 (best)' }) score!: number;
  @Field(() => Float, { description: 'Share of the overall score' }) weight!: number;
  @Field({ description: 'In words, e.g. "free 13:00–17:00"' }) detail!: string;
}

@ObjectType({ description: 'A technician or vendor who could do a work order, ranked' })
export class AssignmentCandidate {
  @Field(() => CandidateKind) kind!: CandidateKind;
  @Field(() => Technician, { nullable: true }) technician!: Technician | null;
  @Field(() => Vendor, { nullable: true }) vendor!: Vendor | null;
  @Field(() => Int, { description: '1 = best; eligible candidates come first' }) rank!: number;
  @Field(() => Int, { description: '0–100, the weighted sum of the factors' }) score!: number;
  @Field({ description: 'False when a hard requirement fails (skill, active, service area)' })
  eligible!: boolean;
  @Field(() => [String], { description: 'Why the candidate is not eligible' })
  ineligibleReasons!: string[];
  @Field(() => [MatchFactor]) factors!: MatchFactor[];
  @Field({ description: 'The ranking in one line' }) explanation!: string;
  @Field(() => Float, { nullable: true, description: 'Straight-line distance to the site' })
  distanceKm!: number | null;
  @Field(() => Money, {
    nullable: true,
    description: 'Technicians: internal cost of the estimated time; vendors: their price',
  })
  cost!: Money | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the job could start: the scheduled time or in the customer window when free, else the free start closest to it (the earliest when neither is set)',
  })
  nextAvailableAt!: Date | null;
}
