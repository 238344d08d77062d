import { loader, type SubgraphContext } from '@attendant/kit';
import { IsOptional, MaxLength } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { Reservation } from '../reservation/reservation.type';
import type { ArrivalsService } from './arrivals.service';
import { ReadinessStatus } from './readiness';

registerEnumType(ReadinessStatus, {
  name: 'ReadinessStatus',
  description:
    'READY to welcome; ATTENTION: profile gaps or sync problems; NOT_READY: room or open orders; ARRIVED: in house',
});

@ObjectType({ description: 'Whether an arriving guest can be welcomed, and why not' })
export class ArrivalReadiness {
  @Field(() => ReadinessStatus) status!: ReadinessStatus;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType({ description: 'A work order for a stay, as the guests domain last heard of it' })
export class ServiceOrderSummary {
  @Field(() => ID) workOrderId!: string;
  @Field(() => Int) number!: number;
  @Field() title!: string;
  @Field() status!: string;
}

@InputType()
export class ArrivalsFilter {
  @Field(() => [ReadinessStatus], { nullable: true }) readiness?: ReadinessStatus[] | null;
  @Field(() => Boolean, { nullable: true }) vipOnly?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Guest name, confirmation code or room number',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Show cancelled and no-show too' })
  includeCancelled?: boolean | null;
}

type Annotated = Reservation & {
  readiness?: ArrivalReadiness;
  openServiceOrderList?: ServiceOrderSummary[];
};

@Resolver(() => Reservation)
export class ArrivalsResolver {
  constructor(private readonly arrivals: ArrivalsService) {}

  @Authorized()
  @Query(() => [Reservation], {
    description: 'Reservations arriving in [from, to) (at most 8 days, 500 rows), earliest first',
  })
  arrivalBoard(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('filter', () => ArrivalsFilter, { nullable: true }) filter: ArrivalsFilter | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.arrivals.arrivals(ctx.actor, from, to, filter ?? {});
  }

  @Authorized()
  @Mutation(() => Reservation, { description: "Records the guest's expected arrival time" })
  setReservationEta(
    @Arg('id', () => ID) id: string,
    @Arg('etaAt', () => Date, { nullable: true }) etaAt: Date | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.arrivals.setEta(ctx.actor, id, etaAt);
  }

  @FieldResolver(() => ArrivalReadiness)
  async readiness(@Root() reservation: Annotated, @Ctx() ctx: SubgraphContext) {
    if (reservation.readiness) return reservation.readiness;
    return (await this.annotated(reservation, ctx)).readiness;
  }

  @FieldResolver(() => [ServiceOrderSummary], {
    description: 'Open work orders linked to this stay',
  })
  async openServiceOrders(@Root() reservation: Annotated, @Ctx() ctx: SubgraphContext) {
    if (reservation.openServiceOrderList) return reservation.openServiceOrderList;
    return (await this.annotated(reservation, ctx)).openServiceOrderList;
  }

  private async annotated(reservation: Annotated, ctx: SubgraphContext) {
    const row = await loader(ctx, 'ReservationReadiness', (ids) =>
      this.arrivals.annotateByIds(ctx.actor, ids),
    ).load(reservation.id);
    return (
      row ?? {
        readiness: { status: ReadinessStatus.NOT_READY, reasons: [] },
        openServiceOrderList: [],
      }
    );
  }
}
