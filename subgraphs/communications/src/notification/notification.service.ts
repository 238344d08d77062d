import { pageSize, tenant, toPage, type Actor, type Db, type Page } from '@attendant/kit';
import { DEFAULT_PREFERENCES } from '../alert/alert-rules';
import type { Clock } from '../messaging/messaging.types';
import { isUuid } from '../shared/actors';
import { isValidAddress, normalizeAddress } from '../shared/address';
import { isValidTimeZone } from '../sms/quiet-hours';
import { NotificationError, NotificationErrorCode } from './notification.errors';
import {
  NotificationRepository,
  type NotificationRow,
  type Recipient,
} from './notification.repository';
import type { NotificationPreferencesInput } from './notification.type';

/** The signed-in staff member: notifications are personal, integrations have none. */
export function recipient(actor: Actor): Recipient {
  const t = tenant(actor);
  if (t.kind !== 'user' || !t.userId)
    throw new NotificationError(
      NotificationErrorCode.NoUser,
      'Notifications belong to signed-in staff members',
    );
  return { organizationId: t.organizationId, userId: t.userId };
}

/** A user's notification centre and preferences; nobody reads or marks another's. */
export class NotificationService {
  private readonly repo: NotificationRepository;

  constructor(
    db: Db,
    private readonly now: Clock = () => new Date(),
  ) {
    this.repo = new NotificationRepository(db);
  }

  async get(actor: Actor, id: string): Promise<NotificationRow> {
    const [row] = isUuid(id) ? await this.repo.byIds(recipient(actor), [id]) : [];
    if (!row)
      throw new NotificationError(
        NotificationErrorCode.NotFound,
        `Notification ${id} was not found`,
      );
    return row;
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<NotificationRow[]> {
    return this.repo.byIds(recipient(actor), ids.filter(isUuid));
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
  ): Promise<Page<NotificationRow>> {
    const size = pageSize(args.first);
    const { rows, totalCount } = await this.repo.page(recipient(actor), {
      first: size,
      after: args.after,
      unreadOnly: args.unreadOnly ?? false,
    });
    return toPage(rows, size, 'createdAt', totalCount);
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.repo.unreadCount(recipient(actor));
  }

  /** Marks one notification read; marking it again changes nothing. */
  async markRead(actor: Actor, id: string): Promise<NotificationRow> {
    const r = recipient(actor);
    await this.get(actor, id);
    await this.repo.markRead(r, [id], this.now());
    return this.get(actor, id);
  }

  /** Marks every unread notification read; answers how many changed. */
  markAllRead(actor: Actor): Promise<number> {
    return this.repo.markRead(recipient(actor), null, this.now());
  }

  deliveries(actor: Actor, notificationIds: readonly string[]) {
    return this.repo.deliveries(recipient(actor).organizationId, notificationIds);
  }

  async preferences(actor: Actor) {
    return (
      (await this.repo.preference(recipient(actor))) ?? {
        ...DEFAULT_PREFERENCES,
        phone: null,
        email: null,
      }
    );
  }

  async updatePreferences(actor: Actor, input: NotificationPreferencesInput) {
    const r = recipient(actor);
    const invalid = (message: string, field: string) =>
      new NotificationError(NotificationErrorCode.Invalid, message, { field });
    const phone = input.phone?.trim() ? normalizeAddress('SMS', input.phone.trim()) : null;
    if (phone && !isValidAddress('SMS', phone))
      throw invalid('Enter the phone number in international format, like +15551234567', 'phone');
    const email = input.email?.trim() ? normalizeAddress('EMAIL', input.email) : null;
    if (email && !isValidAddress('EMAIL', email))
      throw invalid(`${email} is not an email address`, 'email');
    const timeZone = input.timeZone?.trim() || 'UTC';
    if (!isValidTimeZone(timeZone))
      throw invalid(`${timeZone} is not a time zone (use one like Europe/Prague)`, 'timeZone');
    const start = input.quietHoursStart ?? null;
    const end = input.quietHoursEnd ?? null;
    if ((start === null) !== (end === null))
      throw invalid('Set both ends of the quiet hours, or neither', 'quietHoursStart');
    const channels = [...input.infoChannels, ...input.warningChannels, ...input.criticalChannels];
    if (channels.includes('SMS') && !phone)
      throw invalid('Add a phone number to get notifications by SMS', 'phone');
    const uniq = <T>(xs: T[]) => [...new Set(xs)];
    return this.repo.savePreference(r, {
      infoChannels: uniq(input.infoChannels),
      warningChannels: uniq(input.warningChannels),
      criticalChannels: uniq(input.criticalChannels),
      phone,
      email,
      quietHoursStart: start,
      quietHoursEnd: end,
      timeZone,
    });
  }
}
