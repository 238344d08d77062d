import { Connection } from '@attendant/kit';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

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
  @Field(() => Int, {
    nullable: true,
    description: "What the vehicle carries, in the organization's unit (e.g. kg or part slots)",
  })
  vehicleCapacity!: number | null;
  @Field(() => Int, { description: 'Shift start, minutes after local midnight' })
  shiftStartMin!: number;
  @Field(() => Int, { description: 'Shift end, minutes after local midnight' })
  shiftEndMin!: number;
  @Field(() => [Int], { description: 'ISO weekdays the shift is worked: 1 = Monday … 7 = Sunday' })
  workDays!: number[];
  @Field(() => Int) maxJobsPerDay!: number;
  @Field() active!: boolean;
  @Field(() => [TechnicianSkill]) skills!: TechnicianSkill[];
  @Field(() => String, {
    nullable: true,
    description: 'Shown to customers on the tracking page: an https URL or a data:image/ URL',
  })
  photoUrl!: string | null;

  @Field(() => ID, { nullable: true, description: 'The staff login linked to this technician' })
  userId!: string | null;

  // Resolved by field resolvers (people/).
  teamId!: string | null;
  organizationId!: string;
}

export const TechnicianConnection = Connection(Technician, 'Technician');

/** A data: URL of 200 KB; longer photos are refused. */
export const PHOTO_URL_MAX = 200 * 1024;
const NAME = { message: 'Give a name of 2 to 80 characters' };
const EMAIL = { message: 'Give a valid email address' };
const LAT_MIN = { message: 'Latitude must be between -90 and 90' };
const LNG_MIN = { message: 'Longitude must be between -180 and 180' };
const SHIFT = { message: 'Shift times must be between 0 and 1440 minutes after midnight' };
const WORK_DAY = { message: 'Work days must be ISO weekdays from 1 (Monday) to 7 (Sunday)' };
const MAX_JOBS = { message: 'Max jobs per day must be 1 to 30' };
const CAPACITY = { message: 'Vehicle capacity cannot be negative' };

/** Fields shared by create and update. */
@InputType()
abstract class TechnicianFields {
  // Checked after trimming, in the service.
  @Field(() => String, { nullable: true, description: 'E-mail address' })
  @IsOptional()
  @MaxLength(200, EMAIL)
  email?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'International format, like +420 601 234 567',
  })
  @IsOptional()
  @MaxLength(30, { message: 'Give the phone in international format, like +420 601 234 567' })
  phone?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, { message: 'Home address must be at most 300 characters' })
  homeAddress?: string | null;
  @Field(() => Float, { nullable: true, description: 'Home base latitude (give with homeLng)' })
  @IsOptional()
  @Min(-90, LAT_MIN)
  @Max(90, LAT_MIN)
  homeLat?: number | null;
  @Field(() => Float, { nullable: true, description: 'Home base longitude (give with homeLat)' })
  @IsOptional()
  @Min(-180, LNG_MIN)
  @Max(180, LNG_MIN)
  homeLng?: number | null;
  @Field(() => String, { nullable: true, description: 'Vehicle description or plate' })
  @IsOptional()
  @MaxLength(80, { message: 'Vehicle must be at most 80 characters' })
  vehicle?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, CAPACITY)
  vehicleCapacity?: number | null;
  @Field(() => ID, { nullable: true, description: 'The team; null for none' })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The staff login of this technician' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string | null;
  // Checked in the service (https URL, or a data:image/ URL of up to 200 KB).
  @Field(() => String, {
    nullable: true,
    description:
      'Photo for customers: an https URL or a data:image/(png|jpeg|webp|gif);base64 URL of up to 200 KB',
  })
  @IsOptional()
  @MaxLength(PHOTO_URL_MAX, { message: 'The photo must be at most 200 KB' })
  photoUrl?: string | null;
}

@InputType()
export class CreateTechnicianInput extends TechnicianFields {
  @Field() @Length(2, 80, NAME) name!: string;
  @Field(() => Int, { defaultValue: 480, description: 'Minutes after local midnight' })
  @IsInt()
  @Min(0, SHIFT)
  @Max(1440, SHIFT)
  shiftStartMin!: number;
  @Field(() => Int, { defaultValue: 1020, description: 'Minutes after local midnight' })
  @IsInt()
  @Min(0, SHIFT)
  @Max(1440, SHIFT)
  shiftEndMin!: number;
  @Field(() => [Int], { defaultValue: [1, 2, 3, 4, 5] })
  @ArrayNotEmpty({ message: 'Choose at least one work day' })
  @ArrayMaxSize(7, WORK_DAY)
  @ArrayUnique({ message: 'Each work day may be given once' })
  @IsInt({ each: true, ...WORK_DAY })
  @Min(1, { each: true, ...WORK_DAY })
  @Max(7, { each: true, ...WORK_DAY })
  workDays!: number[];
  @Field(() => Int, { defaultValue: 8 })
  @IsInt()
  @Min(1, MAX_JOBS)
  @Max(30, MAX_JOBS)
  maxJobsPerDay!: number;
}

@InputType()
export class UpdateTechnicianInput extends TechnicianFields {
  @Field({ nullable: true }) @IsOptional() @Length(2, 80, NAME) name?: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, SHIFT)
  @Max(1440, SHIFT)
  shiftStartMin?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, SHIFT)
  @Max(1440, SHIFT)
  shiftEndMin?: number;
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty({ message: 'Choose at least one work day' })
  @ArrayMaxSize(7, WORK_DAY)
  @ArrayUnique({ message: 'Each work day may be given once' })
  @IsInt({ each: true, ...WORK_DAY })
  @Min(1, { each: true, ...WORK_DAY })
  @Max(7, { each: true, ...WORK_DAY })
  workDays?: number[];
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, MAX_JOBS)
  @Max(30, MAX_JOBS)
  maxJobsPerDay?: number;
}

@InputType({ description: 'A skill and the level held: 1 (basic) to 3 (expert)' })
export class TechnicianSkillInput {
  @Field(() => ID) @IsUUID('all', { message: 'skillId must be a UUID' }) skillId!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'Skill level must be 1 (basic) to 3 (expert)' })
  @Max(3, { message: 'Skill level must be 1 (basic) to 3 (expert)' })
  level!: number;
}
