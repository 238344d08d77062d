import type { Channel, ConsentRecord as ConsentRow, Prisma } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

export type { ConsentRow };

/** Consent queries. Every query is scoped to the actor's organization. */
export class ConsentRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): ConsentRepository {
    return new ConsentRepository(tx);
  }

  /** The newest records for an address on a channel, newest first. */
  history(
    actor: TenantActor,
    channel: Channel,
    address: string,
    take: number,
  ): Promise<ConsentRow[]> {
    return this.db.consentRecord.findMany({
      where: {
        organizationId: actor.organizationId,
        channel,
        address: { equals: address, mode: 'insensitive' },
      },
      orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  create(
    actor: TenantActor,
    data: Omit<Prisma.ConsentRecordUncheckedCreateInput, 'organizationId'>,
  ): Promise<ConsentRow> {
    return this.db.consentRecord.create({
      data: { ...data, organizationId: actor.organizationId },
    });
  }

  async latest(actor: TenantActor, channel: Channel, address: string): Promise<ConsentRow | null> {
    return (await this.history(actor, channel, address, 1))[0] ?? null;
  }
}
