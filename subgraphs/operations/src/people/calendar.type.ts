import { IsDate, IsOptional, Length } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A certification a technician holds (e.g. a gas safety licence)' })
export class Certification {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'YYYY-MM-DD' })
  issuedOn!: string | null;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'YYYY-MM-DD, the last valid day; null when it never expires',
  })
  expiresOn!: string | null;
  @Field({ description: "Past its expiry day (in the organization's time zone)" })
  expired!: boolean;
  @Field({ description: 'Not expired yet, but expires within 30 days' })
  expiresSoon!: boolean;
  technicianId!: string;
}

@ObjectType({
  description: 'An absence on the availability calendar: vacation, sickness, training',
})
export class TimeOff {
  @Field(() => ID) id!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field() reason!: string;
  @Field() createdAt!: Date;
  technicianId!: string;
}

@ObjectType({ description: 'A stretch of time a technician can work' })
export class AvailabilityWindow {
  @Field() start!: Date;
  @Field() end!: Date;
}

@InputType()
export class CertificationInput {
  @Field() @Length(2, 80, { message: 'Give a name of 2 to 80 characters' }) name!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  issuedOn?: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'YYYY-MM-DD, the last valid day' })
  @IsOptional()
  expiresOn?: string | null;
}

@InputType()
export class TimeOffInput {
  @Field() @IsDate() startsAt!: Date;
  @Field() @IsDate() endsAt!: Date;
  @Field()
  @Length(2, 200, { message: 'Give a reason of 2 to 200 characters' })
  reason!: string;
}
