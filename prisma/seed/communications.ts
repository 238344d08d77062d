import type { Prisma } from '@attendant/db';
import type { Db } from '@attendant/kit';
import { randomBytes } from 'node:crypto';

/** Demo senders, registered in the Twilio simulator by `npm start`. */
export const DEMO_SMS_NUMBERS = {
  hotel: '+15550100000',
  field: '+15550100001',
} as const;

/**
 * SMS and WhatsApp settings of the demo organizations: a sender each (the hotel also on
 * WhatsApp), quiet hours for marketing at night in the organization's time zone, and an
 * unguessable webhook token (the path segment Twilio calls).
 */
export function smsSettingsRows(orgs: {
  hotel: { id: string; timeZone: string; name: string };
  field: { id: string; timeZone: string; name: string };
}): Prisma.SmsSettingsCreateManyInput[] {
  const token = () => randomBytes(24).toString('base64url');
  return [
    {
      organizationId: orgs.hotel.id,
      fromNumber: DEMO_SMS_NUMBERS.hotel,
      whatsappFrom: DEMO_SMS_NUMBERS.hotel,
      helpText: `${orgs.hotel.name}: reception +420 224 000 000, aurora@example.com. Reply STOP to unsubscribe.`,
      quietHoursStart: 21 * 60,
      quietHoursEnd: 8 * 60,
      timeZone: orgs.hotel.timeZone,
      senderName: orgs.hotel.name,
      webhookToken: token(),
    },
    {
      organizationId: orgs.field.id,
      fromNumber: DEMO_SMS_NUMBERS.field,
      helpText: `${orgs.field.name}: call (555) 010-0001 or write help@northwind.example. Reply STOP to unsubscribe.`,
      quietHoursStart: 20 * 60,
      quietHoursEnd: 8 * 60,
      timeZone: orgs.field.timeZone,
      senderName: orgs.field.name,
      webhookToken: token(),
    },
  ];
}

/**
 * Gives the demo organizations their SMS settings when a database seeded before they existed
 * lacks them (`npm start` calls this on every start; it changes nothing once they are there).
 */
export async function ensureDemoSmsSettings(
  db: Db,
  slugs: { hotel: string; field: string },
): Promise<number> {
  const orgs = await db.organization.findMany({
    where: { slug: { in: [slugs.hotel, slugs.field] } },
  });
  const hotel = orgs.find((o) => o.slug === slugs.hotel);
  const field = orgs.find((o) => o.slug === slugs.field);
  if (!hotel || !field) return 0;
  const rows = smsSettingsRows({
    hotel: { id: hotel.id, timeZone: hotel.timezone, name: hotel.name },
    field: { id: field.id, timeZone: field.timezone, name: field.name },
  });
  let created = 0;
  for (const row of rows) {
    const exists = await db.smsSettings.findFirst({
      where: { organizationId: row.organizationId },
    });
    if (exists) continue;
    await db.smsSettings.create({ data: row });
    created++;
  }
  return created;
}
