import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { createDb, type Db } from './prisma';

describe('tenancy guard', () => {
  let database: TestDatabase;
  let db: Db;
  const orgA = randomUUID();
  const orgB = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    await db.organization.createMany({
      data: [
        { id: orgA, name: 'A', slug: `a-${orgA}`, kind: 'HOTEL' },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'HOTEL' },
      ],
    });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('should refuse a read of a tenant-owned model when no organization filter is given', async () => {
    await expect(db.guest.findMany({ where: { lastName: 'X' } })).rejects.toThrow(
      /without an organization filter/,
    );
  });

  it('should refuse a create when the data carries no organization', async () => {
    await expect(
      db.guest.create({ data: { kind: 'HOTEL_GUEST', firstName: 'A', lastName: 'B' } as never }),
    ).rejects.toThrow(/without an organization filter/);
  });

  it('should return only the organization rows when the filter is given', async () => {
    await db.guest.create({
      data: { organizationId: orgA, kind: 'HOTEL_GUEST', firstName: 'Ann', lastName: 'A' },
    });
    await db.guest.create({
      data: { organizationId: orgB, kind: 'HOTEL_GUEST', firstName: 'Bob', lastName: 'B' },
    });
    const rows = await db.guest.findMany({ where: { organizationId: orgA } });
    expect(rows.map((r) => r.firstName)).toEqual(['Ann']);
  });

  it('should accept a compound unique key that names the organization', async () => {
    const row = await db.invoiceCounter.upsert({
      where: { organizationId_year: { organizationId: orgA, year: 2026 } },
      create: { organizationId: orgA, year: 2026, last: 1 },
      update: { last: { increment: 1 } },
    });
    expect(row.last).toBe(1);
  });

  it('should allow the organization table itself without a filter', async () => {
    expect(await db.organization.count()).toBe(2);
  });
});
