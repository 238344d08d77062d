// The one entry point to the generated Prisma client (never edit prisma/generated/).
export * from './generated/client/client';
export { createAdapter, databaseUrlFromEnv } from './pg-adapter';
