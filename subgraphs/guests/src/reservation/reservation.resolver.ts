import { loader, money, Money, toConnection, type SubgraphContext } from '@attendant/kit';
import { ValidateNested } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { guestLoader } from '../guest/guest.reference';
import type { GuestService } from '../guest/guest.service';
import { Guest } from '../guest/guest.type';
import { roomLoader } from '../room/room.reference';
import type { RoomService } from '../room/room.service';
import { Room } from '../room/room.type';
import type { ReservationService } from './reservation.service';
import { Reservation, ReservationConnection, ReservationFilter } from './reservation.type';

@ArgsType()
class ReservationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => ReservationFilter, { nullable: true }) @ValidateNested() filter?: ReservationFilter;
}

@Resolver(() => Reservation)
export class ReservationResolver {
  constructor(
    private readonly service: ReservationService,
    private readonly guests: GuestService,
    private readonly rooms: RoomService,
  ) {}

  @Authorized()
  @Query(() => ReservationConnection, { description: 'Reservations by arrival, earliest first' })
  async reservations(@Args() args: ReservationsArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized()
  @Query(() => Reservation)
  reservation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @FieldResolver(() => Money, { description: 'Total price of the stay' })
  total(@Root() reservation: Reservation) {
    return money(reservation.totalMinor, reservation.currency);
  }

  @FieldResolver(() => Guest)
  guest(@Root() reservation: Reservation, @Ctx() ctx: SubgraphContext) {
    return guestLoader(ctx, this.guests).load(reservation.guestId);
  }

  @FieldResolver(() => Room, { nullable: true })
  room(@Root() reservation: Reservation, @Ctx() ctx: SubgraphContext) {
    return reservation.roomId ? roomLoader(ctx, this.rooms).load(reservation.roomId) : null;
  }
}

@Resolver(() => Guest)
export class GuestReservationsResolver {
  constructor(private readonly reservationService: ReservationService) {}

  @FieldResolver(() => [Reservation], {
    description: 'The latest 20 reservations of this guest, newest arrival first',
  })
  async reservations(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'RecentReservationsByGuest', (ids) =>
          this.reservationService.recentForGuests(ctx.actor, ids),
        ).load(guest.id)
      )?.rows ?? []
    );
  }
}
