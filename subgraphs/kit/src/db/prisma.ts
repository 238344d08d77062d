import { createAdapter, Prisma, PrismaClient } from '@attendant/db';
import { KitError, KitErrorCode } from '../errors';

/*
 * Tenancy guard. Every model with an `organizationId` column is tenant-owned. A query on such a
 * model must say which organization it is for: reads, updates and deletes carry
 * `organizationId` in `where`, creates carry it in `data`. A query without it is refused before
 * it reaches the database, so a forgotten filter fails loudly in tests instead of leaking rows.
 */
const TENANT_MODELS: ReadonlySet<string> = new Set(
  Object.values(Prisma.ModelName).filter((model) => {
    const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
      `${model}ScalarFieldEnum`
    ];
    return model !== 'Organization' && fields !== undefined && 'organizationId' in fields;
  }),
);

type Args = { where?: Record<string, unknown>; data?: unknown; create?: unknown };

function hasOrgFilter(where: Record<string, unknown> | undefined): boolean {
  if (!where) return false;
  if (typeof where['organizationId'] === 'string') return true;
  // A compound unique key that includes the organization: { organizationId_year: { … } }.
  const compound = Object.entries(where).some(
    ([key, value]) =>
      key.startsWith('organizationId_') &&
      typeof (value as Record<string, unknown>)?.['organizationId'] === 'string',
  );
  if (compound) return true;
  const and = where['AND'];
  return Array.isArray(and) && and.some((w) => hasOrgFilter(w as Record<string, unknown>));
}

function hasOrgData(data: unknown): boolean {
  if (Array.isArray(data)) return data.length > 0 && data.every(hasOrgData);
  return typeof (data as Record<string, unknown> | undefined)?.['organizationId'] === 'string';
}

function isTenantScoped(operation: string, args: Args | undefined): boolean {
  switch (operation) {
    case 'create':
    case 'createMany':
    case 'createManyAndReturn':
      return hasOrgData(args?.data);
    case 'upsert':
      return hasOrgFilter(args?.where) && hasOrgData(args?.create);
    default:
      return hasOrgFilter(args?.where);
  }
}

export function createDb(connectionString: string, poolSize = 8, onQuery?: (sql: string) => void) {
  const client = new PrismaClient({
    adapter: createAdapter(connectionString, poolSize),
    ...(onQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {}),
  });
  if (onQuery)
    (client as unknown as { $on(e: 'query', cb: (e: { query: string }) => void): void }).$on(
      'query',
      (e) => onQuery(e.query),
    );
  return client.$extends({
    name: 'tenancy-guard',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (TENANT_MODELS.has(model) && !isTenantScoped(operation, args as Args)) {
            throw new KitError(
              KitErrorCode.Forbidden,
              `Refused ${model}.${operation} without an organization filter`,
            );
          }
          return query(args);
        },
      },
    },
  });
}

export type Db = ReturnType<typeof createDb>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** Either the client or a transaction: repositories accept both. */
export type DbOrTx = Db | Tx;
