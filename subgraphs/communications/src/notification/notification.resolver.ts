import { loader, STAFF_ROLES, toConnection, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { NotificationService } from './notification.service';
import {
  Notification,
  NotificationConnection,
  NotificationDelivery,
  NotificationPreferences,
  NotificationPreferencesInput,
} from './notification.type';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => NotificationConnection, {
    description: "The signed-in user's notifications, newest first",
  })
  async myNotifications(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly?: boolean,
  ) {
    return toConnection(await this.service.list(ctx.actor, { first, after, unreadOnly }));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Notification, { description: 'One of the signed-in user’s notifications' })
  notification(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Int, { description: 'How many of the signed-in user’s notifications are unread' })
  unreadNotificationCount(@Ctx() ctx: SubgraphContext) {
    return this.service.unreadCount(ctx.actor);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Notification, { description: 'Marks a notification read; again changes nothing' })
  markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.markRead(ctx.actor, id);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Int, { description: 'Marks every unread notification read; answers how many' })
  markAllNotificationsRead(@Ctx() ctx: SubgraphContext) {
    return this.service.markAllRead(ctx.actor);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => NotificationPreferences, {
    description: 'Where the signed-in user wants notifications',
  })
  notificationPreferences(@Ctx() ctx: SubgraphContext) {
    return this.service.preferences(ctx.actor);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => NotificationPreferences)
  updateNotificationPreferences(
    @Arg('input') input: NotificationPreferencesInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.updatePreferences(ctx.actor, input);
  }

  @FieldResolver(() => [NotificationDelivery], { description: 'SMS and email copies' })
  async deliveries(@Root() n: Notification, @Ctx() ctx: SubgraphContext) {
    const group = await loader(ctx, 'NotificationDeliveries', async (ids) => {
      const rows = await this.service.deliveries(ctx.actor, ids);
      return ids.map((id) => ({ id, rows: rows.filter((r) => r.notificationId === id) }));
    }).load(n.id);
    return group?.rows ?? [];
  }
}
