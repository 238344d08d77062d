import type { ModuleFactory } from '../shared/module';
import { TechnicianService } from '../technician/technician.service';
import { TechnicianCalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';
import {
  TeamResolver,
  TechnicianTeamResolver,
  WorkOrderTeamResolver,
  teamReference,
} from './team.resolver';
import { TeamService } from './team.service';

/**
 * Teams, technicians' calendars (certifications, time off, availability) and the team of a work
 * order. Technician queries and mutations are in technician/, registered by index.ts.
 */
export const peopleModule: ModuleFactory = ({ db }) => {
  const teams = new TeamService(db);
  const technicians = new TechnicianService(db);
  const calendar = new CalendarService(db);
  return {
    resolvers: [
      new TeamResolver(teams, technicians),
      new TechnicianTeamResolver(teams),
      new WorkOrderTeamResolver(teams),
      new TechnicianCalendarResolver(calendar),
    ],
    references: { Team: teamReference(teams) },
  };
};
