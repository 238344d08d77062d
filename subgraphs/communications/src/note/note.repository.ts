import type { GuestNote as NoteRow, Prisma } from '@attendant/db';
import type { DbOrTx, TenantActor } from '@attendant/kit';

export type { NoteRow };

/** Guest note queries, each scoped to the actor's organization. */
export class NoteRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): NoteRepository {
    return new NoteRepository(tx);
  }

  findById(actor: TenantActor, id: string): Promise<NoteRow | null> {
    return this.db.guestNote.findFirst({ where: { id, organizationId: actor.organizationId } });
  }

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<NoteRow[]> {
    return this.db.guestNote.findMany({
      where: { id: { in: [...ids] }, organizationId: actor.organizationId },
    });
  }

  findByKey(actor: TenantActor, authorId: string, idempotencyKey: string): Promise<NoteRow | null> {
    return this.db.guestNote.findFirst({
      where: { organizationId: actor.organizationId, authorId, idempotencyKey },
    });
  }

  create(data: Prisma.GuestNoteUncheckedCreateInput): Promise<NoteRow> {
    return this.db.guestNote.create({ data });
  }

  update(actor: TenantActor, id: string, data: Prisma.GuestNoteUncheckedUpdateInput) {
    return this.db.guestNote.update({
      where: { id, organizationId: actor.organizationId },
      data,
    });
  }
}
