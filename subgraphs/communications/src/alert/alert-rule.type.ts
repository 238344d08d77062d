import { AlertKind, AlertSeverity } from '@attendant/db';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(AlertKind, { name: 'AlertKind', description: 'What an alert rule watches for' });

const ROUTABLE_ROLES = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST'];

@ObjectType({ description: 'How one kind of alert is raised, routed and escalated' })
export class AlertRule {
  @Field(() => ID, { nullable: true, description: 'Null while the organization uses the defaults' })
  id!: string | null;
  @Field(() => AlertKind) kind!: AlertKind;
  @Field() enabled!: boolean;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => [String], { description: 'Roles notified first' }) recipientRoles!: string[];
  @Field(() => [ID], { description: 'People notified first, besides the roles' })
  recipientUserIds!: string[];
  @Field(() => Int, { description: 'Minutes to acknowledge before the next step is notified' })
  ackTimeoutMinutes!: number;
  @Field(() => [ID], { description: 'The chain: one person per step, in order' })
  escalationUserIds!: string[];
  @Field({ description: 'After the chain, every manager is notified' })
  escalateToManagers!: boolean;
  @Field(() => Int, { description: 'Arrival checks: hours before arrival' }) leadHours!: number;
  @Field(() => Int, { description: 'Low completeness: profiles below this score (0–100)' })
  threshold!: number;
}

@InputType()
export class AlertRuleInput {
  @Field(() => AlertKind) kind!: AlertKind;
  @Field() enabled!: boolean;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => [String])
  @IsIn(ROUTABLE_ROLES, { each: true, message: `Roles must be among ${ROUTABLE_ROLES.join(', ')}` })
  recipientRoles!: string[];
  @Field(() => [ID])
  @IsUUID('all', { each: true, message: 'People are given by their user id' })
  recipientUserIds!: string[];
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'The acknowledgement timeout is 1 to 1440 minutes' })
  @Max(1440, { message: 'The acknowledgement timeout is 1 to 1440 minutes' })
  ackTimeoutMinutes!: number;
  @Field(() => [ID])
  @IsUUID('all', { each: true, message: 'People are given by their user id' })
  escalationUserIds!: string[];
  @Field() escalateToManagers!: boolean;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Arrival checks run 1 to 168 hours before arrival' })
  @Max(168, { message: 'Arrival checks run 1 to 168 hours before arrival' })
  leadHours?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'The completeness threshold is 1 to 100' })
  @Max(100, { message: 'The completeness threshold is 1 to 100' })
  threshold?: number;
}

@ObjectType({
  description: 'A staff member alerts can be routed to (known once they have signed in)',
})
export class AlertStaffMember {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
  @Field(() => [String]) roles!: string[];
}
