import { GeofenceArrival } from '@attendant/db';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(GeofenceArrival, {
  name: 'GeofenceArrival',
  description:
    'What entering the geofence of the job a technician is driving to does: OFF nothing, PROPOSE offers "Mark arrived" in the app, AUTO sets the job ARRIVED',
});

/** What the customer sees of a work order's status on the tracking page. */
export enum PublicVisitStatus {
  SCHEDULED = 'SCHEDULED',
  ON_THE_WAY = 'ON_THE_WAY',
  ARRIVED = 'ARRIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PublicVisitStatus, { name: 'PublicVisitStatus' });

@ObjectType({ description: 'Live tracking settings of the organization' })
export class TrackingSettings {
  @Field(() => Int, { description: 'How often the app sends the position while on duty' })
  pingIntervalSeconds!: number;
  @Field(() => Int, { description: 'Days location history is kept' })
  retentionDays!: number;
  @Field(() => Int, { description: 'Radius around a site that counts as being there, metres' })
  geofenceRadiusM!: number;
  @Field(() => GeofenceArrival) geofenceArrival!: GeofenceArrival;
  @Field({ description: 'The public tracking page shows the live position (else status and ETA)' })
  publicShowsPosition!: boolean;
}

const INTERVAL = { message: 'The ping interval must be 5 to 600 seconds' };
const RETENTION = { message: 'Retention must be 1 to 365 days' };
const RADIUS = { message: 'The geofence radius must be 25 to 2000 metres' };

@InputType({ description: 'Changes the given settings; the others stay' })
export class UpdateTrackingSettingsInput {
  @Field(() => Int, { nullable: true, description: '5 to 600 seconds' })
  @IsOptional()
  @IsInt(INTERVAL)
  @Min(5, INTERVAL)
  @Max(600, INTERVAL)
  pingIntervalSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 365 days' })
  @IsOptional()
  @IsInt(RETENTION)
  @Min(1, RETENTION)
  @Max(365, RETENTION)
  retentionDays?: number | null;
  @Field(() => Int, { nullable: true, description: '25 to 2000 metres' })
  @IsOptional()
  @IsInt(RADIUS)
  @Min(25, RADIUS)
  @Max(2000, RADIUS)
  geofenceRadiusM?: number | null;
  @Field(() => GeofenceArrival, { nullable: true })
  @IsOptional()
  @IsEnum(GeofenceArrival)
  geofenceArrival?: GeofenceArrival | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  publicShowsPosition?: boolean | null;
}

@InputType({ description: 'One GPS fix as the device recorded it' })
export class LocationPingInput {
  @Field(() => Date, { description: 'When the device took the fix (not when it is sent)' })
  recordedAt!: Date;
  // Ranges are checked in the service, so a batch reports the index of the bad ping.
  @Field(() => Float, { description: '-90 to 90' }) lat!: number;
  @Field(() => Float, { description: '-180 to 180' }) lng!: number;
  @Field(() => Float, { nullable: true, description: 'Horizontal accuracy, metres' })
  accuracyM?: number | null;
  @Field(() => Float, { nullable: true, description: 'Speed, metres per second' })
  speedMps?: number | null;
  @Field(() => Float, { nullable: true, description: 'Heading, degrees from north (0–360)' })
  headingDeg?: number | null;
}

@ObjectType({ description: "A technician's latest known position, with the ETA to their next job" })
export class TechnicianPosition {
  @Field(() => ID, { description: 'The technician id' }) id!: string;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => Float, { nullable: true }) accuracyM!: number | null;
  @Field(() => Float, { nullable: true }) speedMps!: number | null;
  @Field(() => Float, { nullable: true }) headingDeg!: number | null;
  @Field(() => Date) recordedAt!: Date;
  @Field({ description: 'Older than three ping intervals: the app may be off or out of signal' })
  stale!: boolean;
  @Field(() => Int, { nullable: true, description: 'Driving time to the next job, seconds' })
  travelSeconds!: number | null;
  @Field(() => Float, { nullable: true, description: 'Driving distance to the next job, metres' })
  distanceM!: number | null;
  @Field(() => Date, { nullable: true, description: 'Estimated arrival at the next job' })
  etaAt!: Date | null;

  // Resolved by field resolvers (technician, nextWorkOrder, arrivalProposedFor).
  technicianId!: string;
  organizationId!: string;
  nextWorkOrderId!: string | null;
  arrivalProposedForId!: string | null;
}

@ObjectType()
export class RecordLocationsResult {
  @Field(() => Int, { description: 'Pings stored by this call' }) accepted!: number;
  @Field(() => Int, { description: 'Pings already stored (a replayed batch)' }) duplicates!: number;
  @Field(() => TechnicianPosition, { nullable: true }) position!: TechnicianPosition | null;
}

@ObjectType({ description: 'One point of a travelled path' })
export class LocationPoint {
  @Field(() => Date) recordedAt!: Date;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

@ObjectType({ description: 'A link a customer follows a visit with (/track/<token>)' })
export class TrackingLink {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { description: '24 h after creation; also ends an hour after the job closes' })
  expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Int, {
    description: 'Visits of the page (calls more than 5 minutes apart; polling is not counted)',
  })
  viewCount!: number;
  @Field(() => Date, { nullable: true }) lastViewedAt!: Date | null;

  // Resolved by a field resolver.
  workOrderId!: string;
}

@ObjectType()
export class CreatedTrackingLink {
  @Field(() => TrackingLink) link!: TrackingLink;
  @Field({ description: 'The page to send to the customer; its token is shown only this once' })
  url!: string;
}

@ObjectType()
export class PublicPosition {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
}

@ObjectType({ description: 'What a customer with a tracking link may see of their visit' })
export class PublicVisit {
  @Field() organizationName!: string;
  @Field(() => Int) workOrderNumber!: number;
  @Field(() => PublicVisitStatus) status!: PublicVisitStatus;
  @Field(() => String, { nullable: true }) technicianFirstName!: string | null;
  @Field(() => String, { nullable: true }) technicianPhotoUrl!: string | null;
  @Field(() => Date, { nullable: true }) etaAt!: Date | null;
  @Field(() => Date, { nullable: true }) scheduledStart!: Date | null;
  @Field(() => Date, { nullable: true }) windowStart!: Date | null;
  @Field(() => Date, { nullable: true }) windowEnd!: Date | null;
  @Field(() => PublicPosition, { nullable: true }) position!: PublicPosition | null;
  @Field(() => PublicPosition, { nullable: true }) destination!: PublicPosition | null;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date) expiresAt!: Date;
}
