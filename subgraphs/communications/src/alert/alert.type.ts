import { Connection } from '@attendant/kit';
import { AlertSeverity } from '@attendant/db';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

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
  acknowledgedById!: string | null;
  organizationId!: string;
}

export const AlertConnection = Connection(Alert, 'Alert');
