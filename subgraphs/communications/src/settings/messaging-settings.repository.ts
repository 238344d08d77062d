import type { Prisma, SmsSettings as SmsSettingsRow } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

/** The organization's one settings row (SMS and WhatsApp). */
export class MessagingSettingsRepository {
  constructor(private readonly db: DbOrTx) {}

  get(t: TenantActor): Promise<SmsSettingsRow | null> {
    return this.db.smsSettings.findFirst({ where: { organizationId: t.organizationId } });
  }

  /** Creates the row on first save (with its webhook token) or changes it. */
  upsert(
    t: TenantActor,
    data: Prisma.SmsSettingsUncheckedUpdateInput,
    webhookToken: () => string,
  ): Promise<SmsSettingsRow> {
    const organizationId = t.organizationId;
    return this.db.smsSettings.upsert({
      where: { organizationId },
      create: {
        ...(data as Omit<Prisma.SmsSettingsUncheckedCreateInput, 'organizationId'>),
        organizationId,
        webhookToken: webhookToken(),
      },
      update: data,
    });
  }
}
