import { Connection } from '@attendant/kit';
import { AlertKind, AlertSeverity } from '@attendant/db';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import './alert-rule.type';

registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

export enum AlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}
registerEnumType(AlertStatus, { name: 'AlertStatus', description: 'Open until acknowledged' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Something staff should look at, until someone acknowledges it' })
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The kind of entity the alert is about, e.g. "Guest" or "WorkOrder"',
  })
  entityType!: string | null;
  @Field(() => ID, { nullable: true }) entityId!: string | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => AlertKind, { nullable: true, description: 'The rule kind that raised it' })
  kind!: AlertKind | null;
  @Field(() => ID, { nullable: true }) acknowledgedById!: string | null;
  @Field(() => Int, { description: '0: only the first recipients were notified; n: n steps up' })
  escalationLevel!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the next step is notified if unacknowledged',
  })
  nextEscalationAt!: Date | null;
  organizationId!: string;
}

export const AlertConnection = Connection(Alert, 'Alert');
