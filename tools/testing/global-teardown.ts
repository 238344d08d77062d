import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env['ATTENDANT_TEST_ADMIN_URL'];
  const runId = process.env['ATTENDANT_TEST_RUN_ID'];
  if (adminUrl && runId) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`attendant_t_${runId}_%`],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__ATTENDANT_EMBEDDED__?.stop();
}
