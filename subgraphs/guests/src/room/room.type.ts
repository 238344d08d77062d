import { RoomState, SyncItemStatus } from '@attendant/db';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(RoomState, {
  name: 'RoomState',
  description: 'Housekeeping state of a hotel room',
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A hotel room' })
export class Room {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field(() => Int) floor!: number;
  @Field() roomType!: string;
  @Field(() => RoomState) state!: RoomState;
  @Field(() => String, { nullable: true }) stateReason!: string | null;
  @Field(() => Date, { nullable: true }) stateChangedAt!: Date | null;
  @Field(() => SyncItemStatus, { nullable: true, description: 'Null when not linked to a PMS' })
  syncStatus!: SyncItemStatus | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  organizationId!: string;
}
