import type { Prisma } from '@attendant/db';
import type { Db } from '@attendant/kit';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';

// Test data for the dispatch specs: one fresh organization per test keeps them independent.

export const PRAGUE = 'Europe/Prague';

/** A day (YYYY-MM-DD) with the ISO weekday, two to three weeks ahead. */
export function futureDay(weekday: number, zone = PRAGUE): string {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: 14 });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** A wall-clock time on a day in the zone. */
export const at = (day: string, time: string, zone = PRAGUE) =>
  DateTime.fromISO(`${day}T${time}`, { zone }).toJSDate();

export type World = Awaited<ReturnType<typeof createWorld>>;

export async function createWorld(db: Db, zone = PRAGUE) {
  const organizationId = randomUUID();
  await db.organization.create({
    data: {
      id: organizationId,
      name: 'Dispatch test',
      slug: `dispatch-${organizationId}`,
      kind: 'FIELD_SERVICE',
      timezone: zone,
    },
  });
  let number = 0;
  const world = {
    organizationId,
    skill: (name: string) => db.skill.create({ data: { organizationId, name } }),
    serviceType: (name: string, skills: { skillId: string; minLevel: number }[]) =>
      db.serviceType.create({
        data: { organizationId, name, requiredSkills: { create: skills } },
      }),
    technician: (
      name: string,
      data: Partial<Prisma.TechnicianUncheckedCreateInput> = {},
      skills: { skillId: string; level: number }[] = [],
    ) =>
      db.technician.create({
        data: { organizationId, name, ...data, skills: { create: skills } },
      }),
    workOrder: (data: Partial<Prisma.WorkOrderUncheckedCreateInput> = {}) => {
      number += 1;
      const minutes = data.estimatedMinutes ?? 60;
      const start = data.scheduledStart ? new Date(data.scheduledStart) : null;
      return db.workOrder.create({
        data: {
          organizationId,
          number,
          kind: 'FIELD_JOB',
          title: `Job ${number}`,
          estimatedMinutes: minutes,
          scheduledEnd: start ? new Date(start.getTime() + minutes * 60_000) : null,
          ...data,
        },
      });
    },
    /** A scheduled job of a technician. */
    booking: (technicianId: string, start: Date, minutes = 60) =>
      world.workOrder({
        technicianId,
        status: 'SCHEDULED',
        scheduledStart: start,
        estimatedMinutes: minutes,
      }),
    timeOff: (technicianId: string, startsAt: Date, endsAt: Date, reason: string) =>
      db.technicianTimeOff.create({
        data: { organizationId, technicianId, startsAt, endsAt, reason },
      }),
  };
  return world;
}
