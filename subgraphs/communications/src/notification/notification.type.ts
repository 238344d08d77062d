import { AlertSeverity, NotificationDeliveryStatus } from '@attendant/db';
import { Connection } from '@attendant/kit';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../shared/channel';

registerEnumType(NotificationDeliveryStatus, {
  name: 'NotificationDeliveryStatus',
  description: 'Where an SMS or email copy of a notification stands',
});

@ObjectType({ description: 'A copy of a notification sent by SMS or email' })
export class NotificationDelivery {
  @Field(() => Channel) channel!: Channel;
  @Field(() => NotificationDeliveryStatus) status!: NotificationDeliveryStatus;
  @Field(() => String, { nullable: true, description: 'Why it was refused or skipped' })
  reason!: string | null;
  @Field(() => ID, { nullable: true }) messageId!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'Something for one staff member to look at (their notification centre)',
})
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The kind of entity it is about, e.g. "Guest", "WorkOrder", "SyncRun"',
  })
  entityType!: string | null;
  @Field(() => ID, { nullable: true }) entityId!: string | null;
  @Field(() => ID, { nullable: true }) alertId!: string | null;
  @Field(() => Int, { description: '0: a first recipient; 1, 2, …: the escalation step' })
  level!: number;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field() createdAt!: Date;
  organizationId!: string;
  userId!: string;
}

export const NotificationConnection = Connection(Notification, 'Notification');

const EXTRA = ['EMAIL', 'SMS'];
const MINUTES = 'Quiet hours are minutes after midnight, 0–1439';

@ObjectType({ description: 'Where and when the signed-in user wants notifications' })
export class NotificationPreferences {
  @Field(() => [Channel], { description: 'Besides the app, for INFO alerts' })
  infoChannels!: Channel[];
  @Field(() => [Channel], { description: 'Besides the app, for WARNING alerts' })
  warningChannels!: Channel[];
  @Field(() => [Channel], { description: 'Besides the app, for CRITICAL alerts' })
  criticalChannels!: Channel[];
  @Field(() => String, { nullable: true, description: 'Number for SMS notifications' })
  phone!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Email for notifications (default: sign-in email)',
  })
  email!: string | null;
  @Field(() => Int, { nullable: true }) quietHoursStart!: number | null;
  @Field(() => Int, { nullable: true }) quietHoursEnd!: number | null;
  @Field() timeZone!: string;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [Channel])
  @IsIn(EXTRA, { each: true, message: 'Notifications go by EMAIL or SMS besides the app' })
  infoChannels!: Channel[];
  @Field(() => [Channel])
  @IsIn(EXTRA, { each: true, message: 'Notifications go by EMAIL or SMS besides the app' })
  warningChannels!: Channel[];
  @Field(() => [Channel])
  @IsIn(EXTRA, { each: true, message: 'Notifications go by EMAIL or SMS besides the app' })
  criticalChannels!: Channel[];
  @Field(() => String, { nullable: true }) @IsOptional() phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() email?: string | null;
  @Field(() => Int, { nullable: true })
  @ValidateIf((o: NotificationPreferencesInput) => o.quietHoursStart != null)
  @IsInt({ message: MINUTES })
  @Min(0, { message: MINUTES })
  @Max(1439, { message: MINUTES })
  quietHoursStart?: number | null;
  @Field(() => Int, { nullable: true })
  @ValidateIf((o: NotificationPreferencesInput) => o.quietHoursEnd != null)
  @IsInt({ message: MINUTES })
  @Min(0, { message: MINUTES })
  @Max(1439, { message: MINUTES })
  quietHoursEnd?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() timeZone?: string | null;
}
