import { RoomState } from '@attendant/db';
import { loader, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ReservationService } from '../reservation/reservation.service';
import { Reservation } from '../reservation/reservation.type';
import type { RoomService } from './room.service';
import { Room } from './room.type';

@Resolver(() => Room)
export class RoomResolver {
  constructor(
    private readonly service: RoomService,
    private readonly reservations: ReservationService,
  ) {}

  @Authorized()
  @Query(() => [Room], { description: 'Rooms by floor and number' })
  rooms(
    @Ctx() ctx: SubgraphContext,
    @Arg('floor', () => Int, { nullable: true }) floor?: number,
    @Arg('state', () => RoomState, { nullable: true }) state?: RoomState,
  ) {
    return this.service.list(ctx.actor, { floor, state });
  }

  @Authorized()
  @Query(() => Room)
  room(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @FieldResolver(() => Reservation, {
    nullable: true,
    description: 'The checked-in reservation occupying this room',
  })
  currentReservation(@Root() room: Room, @Ctx() ctx: SubgraphContext) {
    return loader(
      ctx,
      'CurrentReservationByRoom',
      (ids) => this.reservations.currentForRooms(ctx.actor, ids),
      (r) => r.roomId ?? '',
    ).load(room.id);
  }
}
