import { Connection } from '@attendant/kit';
import { ReservationStatus, SyncItemStatus } from '@attendant/db';
import { IsOptional, IsUUID } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(ReservationStatus, { name: 'ReservationStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A hotel stay booked for a guest' })
export class Reservation {
  @Field(() => ID) id!: string;
  @Field() confirmationCode!: string;
  @Field(() => ReservationStatus) status!: ReservationStatus;
  @Field() arrivalAt!: Date;
  @Field() departureAt!: Date;
  @Field(() => Int) adults!: number;
  @Field(() => Int) children!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Where it was booked, e.g. Direct or Booking.com',
  })
  channel!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => [String], {
    description: 'Products and packages booked with the stay (automation rules match on them)',
  })
  products!: string[];
  @Field(() => Date, { nullable: true, description: 'Expected arrival time, when known' })
  etaAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The Mews reservation state, when linked' })
  mewsState!: string | null;
  @Field(() => SyncItemStatus, { nullable: true, description: 'Null when not linked to a PMS' })
  syncStatus!: SyncItemStatus | null;
  @Field(() => Date, { nullable: true }) lastSyncedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  // Resolved by field resolvers (guest, room, total).
  guestId!: string;
  roomId!: string | null;
  totalMinor!: number;
  currency!: string;
  organizationId!: string;
}

export const ReservationConnection = Connection(Reservation, 'Reservation');

@InputType()
export class ReservationFilter {
  @Field(() => Date, { nullable: true, description: 'Arriving at or after' }) arrivalFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'Arriving before' }) arrivalTo?: Date;
  @Field(() => [ReservationStatus], { nullable: true }) status?: ReservationStatus[];
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
}
