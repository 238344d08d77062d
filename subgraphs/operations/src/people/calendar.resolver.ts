import { loader, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Technician } from '../technician/technician.type';
import type { CalendarService } from './calendar.service';
import {
  AvailabilityWindow,
  Certification,
  CertificationInput,
  TimeOff,
  TimeOffInput,
} from './calendar.type';
import { SETTINGS } from './roles';

@Resolver(() => Technician)
export class TechnicianCalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @FieldResolver(() => [Certification], { description: 'Soonest to expire first' })
  async certifications(@Root() technician: Technician, @Ctx() ctx: SubgraphContext) {
    const l = loader(ctx, 'TechnicianCertifications', async (ids) => {
      const rows = await this.calendar.certificationsOf(ctx.actor, ids);
      return ids.map((id) => ({ id, rows: rows.filter((r) => r.technicianId === id) }));
    });
    return (await l.load(technician.id))?.rows ?? [];
  }

  @FieldResolver(() => [TimeOff], {
    description: 'Time off overlapping [from, to); from defaults to now, to is open-ended',
  })
  async timeOff(
    @Root() technician: Technician,
    @Ctx() ctx: SubgraphContext,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ) {
    const key = `TechnicianTimeOff:${from?.toISOString() ?? ''}:${to?.toISOString() ?? ''}`;
    const l = loader(ctx, key, async (ids) => {
      const rows = await this.calendar.timeOffOf(ctx.actor, ids, from, to);
      return ids.map((id) => ({ id, rows: rows.filter((r) => r.technicianId === id) }));
    });
    return (await l.load(technician.id))?.rows ?? [];
  }

  @FieldResolver(() => [AvailabilityWindow], {
    description:
      "When the technician can work within [from, to) (at most 62 days): the shift on work days in the organization's time zone, minus time off",
  })
  async availability(
    @Root() technician: Technician,
    @Ctx() ctx: SubgraphContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ) {
    const key = `TechnicianAvailability:${from.toISOString()}:${to.toISOString()}`;
    const l = loader(ctx, key, async (ids) => {
      const windows = await this.calendar.availability(ctx.actor, ids, from, to);
      return ids.map((id) => ({ id, windows: windows.get(id) ?? [] }));
    });
    return (await l.load(technician.id))?.windows ?? [];
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Certification)
  addCertification(
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('input') input: CertificationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.calendar.addCertification(ctx.actor, technicianId, input);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Boolean)
  removeCertification(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.calendar.removeCertification(ctx.actor, id);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => TimeOff, {
    description: 'Adds an absence of at most 60 days that overlaps no other time off',
  })
  addTimeOff(
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('input') input: TimeOffInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.calendar.addTimeOff(ctx.actor, technicianId, input);
  }

  @Authorized(...SETTINGS)
  @Mutation(() => Boolean)
  removeTimeOff(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.calendar.removeTimeOff(ctx.actor, id);
  }
}
