/*
 * `npm start`: the whole platform on one machine.
 * - Without DATABASE_URL: embedded PostgreSQL 17 in .data/postgres (kept between starts).
 * - Applies migrations, seeds demo data on the first start, starts the Mews simulator, the five
 *   subgraphs and the gateway as separate processes, waits until each is ready, prints the URLs
 *   and demo logins.
 * - The Mews simulator (MEWS_SIM_PORT, default 4010; MEWS_SIM=off to skip it) starts from the
 *   demo hotel exported from the database on its first start (.data/mews-sim-initial.json), keeps
 *   its data in .data/mews-sim.json, and the hotel is connected to it (a MewsConnection row).
 * - The Twilio simulator (TWILIO_SIM_PORT, default 4011; TWILIO_SIM=off to skip it) keeps its
 *   messages in .data/twilio-sim.json; the subgraphs get its URL and credentials as
 *   TWILIO_API_BASE_URL / TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN.
 * - The mail sink (SMTP on MAIL_SINK_SMTP_PORT, default 4025, API on MAIL_SINK_HTTP_PORT, default
 *   4026; MAIL_SINK=off, or SMTP_URL/SMTP_HOST set, to skip it) keeps mails in .data/mail-sink.json;
 *   the subgraphs get SMTP_URL and MAIL_SINK_URL pointing at it.
 * - Ctrl-C stops every process and PostgreSQL.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrateDeploy } from '@attendant/db/migrate';
import { createDb, SecretBox, type Db } from '@attendant/kit';
import { FIELD_SLUG, HOTEL_SLUG, isSeeded, seed } from '@attendant/seed';
import { ensureDemoSmsSettings } from '@attendant/seed/communications';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@attendant/seed/demo-logins';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@attendant/runtime/embedded-postgres';
import { withDatabase } from '@attendant/runtime/net';
import { ROOT, startNode, stopAll, waitReady, type Child } from '@attendant/runtime/processes';
import { GATEWAY_PORT, SUBGRAPHS } from '@attendant/runtime/subgraphs';
import { connectDemoHotel, exportHotelToSim, moveDemoConnection } from './demo-hotel';

const DATA_DIR = path.resolve(process.env['ATTENDANT_DATA_DIR'] ?? path.join(ROOT, '.data'));
const log = (msg: string) => console.log(`[attendant] ${msg}`);

interface PlatformSecrets {
  ACTOR_SIGNING_SECRET: string;
  JWT_SECRET: string;
}
/** Simulator-only tokens and the webhook URL secret (not Mews secrets). */
interface SimSecrets {
  MEWS_SIM_CLIENT_TOKEN: string;
  MEWS_SIM_ACCESS_TOKEN: string;
  MEWS_WEBHOOK_SECRET: string;
}

type SecretName = keyof PlatformSecrets | keyof SimSecrets;

/**
 * Dev secrets live in .data/secrets.json (generated once, so sessions and the simulator's tokens
 * survive restarts); the environment wins, and production must set the platform secrets.
 */
function secrets(withSim: boolean): { platform: PlatformSecrets; sim: SimSecrets | null } {
  const file = path.join(DATA_DIR, 'secrets.json');
  const stored = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<
    Record<SecretName, string>
  >;
  const platformFromEnv = Boolean(process.env['ACTOR_SIGNING_SECRET'] && process.env['JWT_SECRET']);
  if (!platformFromEnv && process.env['NODE_ENV'] === 'production')
    throw new Error('Set ACTOR_SIGNING_SECRET and JWT_SECRET in production');
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const generators: Partial<Record<SecretName, () => string>> = {
    ...(platformFromEnv ? {} : { ACTOR_SIGNING_SECRET: () => hex(32), JWT_SECRET: () => hex(32) }),
    ...(withSim
      ? {
          MEWS_SIM_CLIENT_TOKEN: () => `sim-client-${hex(16)}`,
          MEWS_SIM_ACCESS_TOKEN: () => `sim-access-${hex(16)}`,
          MEWS_WEBHOOK_SECRET: () => randomBytes(24).toString('base64url'),
        }
      : {}),
  };
  let changed = false;
  for (const [name, make] of Object.entries(generators) as [SecretName, () => string][]) {
    if (process.env[name] || stored[name]) continue;
    stored[name] = make();
    changed = true;
  }
  if (changed) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const get = (name: SecretName) => (process.env[name] || stored[name])!;
  const platform = (name: keyof PlatformSecrets) =>
    platformFromEnv ? process.env[name]! : stored[name]!;
  return {
    platform: {
      ACTOR_SIGNING_SECRET: platform('ACTOR_SIGNING_SECRET'),
      JWT_SECRET: platform('JWT_SECRET'),
    },
    sim: withSim
      ? {
          MEWS_SIM_CLIENT_TOKEN: get('MEWS_SIM_CLIENT_TOKEN'),
          MEWS_SIM_ACCESS_TOKEN: get('MEWS_SIM_ACCESS_TOKEN'),
          MEWS_WEBHOOK_SECRET: get('MEWS_WEBHOOK_SECRET'),
        }
      : null,
  };
}

interface SimSetup {
  port: number;
  baseUrl: string;
  stateFile: string;
  initialFile: string;
}

/**
 * Gets the demo hotel and the simulator to hold the same data. The first time (no simulator
 * files yet) the hotel is exported from the database for the simulator to start from, and
 * connected to it; later starts only follow a changed simulator port.
 */
async function prepareMewsSim(
  db: Db,
  sim: SimSetup,
  tokens: SimSecrets,
  platform: PlatformSecrets,
): Promise<void> {
  const hotel = await db.organization.findUnique({ where: { slug: HOTEL_SLUG } });
  if (!hotel) return;
  const webSocketUrl = sim.baseUrl.replace(/^http/, 'ws');
  if (existsSync(sim.stateFile) || existsSync(sim.initialFile)) {
    if (
      await moveDemoConnection(db, { organizationId: hotel.id, baseUrl: sim.baseUrl, webSocketUrl })
    )
      log(`the demo hotel's Mews connection now points to ${sim.baseUrl}`);
    return;
  }
  const snapshot = await exportHotelToSim(db, hotel.id);
  if (snapshot.resources.length === 0) {
    log(
      'the demo hotel has no Mews ids (seeded by an older version): the Mews simulator runs its own hotel; delete the data directory to reseed',
    );
    return;
  }
  const box = SecretBox.fromConfig({
    DATA_ENCRYPTION_KEY: process.env['DATA_ENCRYPTION_KEY'] || undefined,
    ACTOR_SIGNING_SECRET: platform.ACTOR_SIGNING_SECRET,
  });
  await connectDemoHotel(db, {
    organizationId: hotel.id,
    baseUrl: sim.baseUrl,
    webSocketUrl,
    clientToken: tokens.MEWS_SIM_CLIENT_TOKEN,
    accessToken: tokens.MEWS_SIM_ACCESS_TOKEN,
    webhookSecret: tokens.MEWS_WEBHOOK_SECRET,
    box,
    snapshot,
  });
  const tmp = `${sim.initialFile}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot));
  renameSync(tmp, sim.initialFile);
  log(
    `connected ${hotel.name} to the Mews simulator (${snapshot.resources.length} rooms, ${snapshot.customers.length} guests, ${snapshot.reservations.length} reservations)`,
  );
}

interface TwilioSimSetup {
  port: number;
  baseUrl: string;
  stateFile: string;
  accountSid: string;
  authToken: string;
}

/**
 * The Twilio simulator's settings, or null when it is off. Its credentials are simulator-only and
 * derived from the platform signing secret, so they stay the same from one start to the next.
 */
function twilioSimSetup(platform: PlatformSecrets): TwilioSimSetup | null {
  const defaultMode = process.env['NODE_ENV'] === 'production' ? 'off' : 'on';
  if ((process.env['TWILIO_SIM'] ?? defaultMode) === 'off') return null;
  const port = Number(process.env['TWILIO_SIM_PORT'] ?? 4011);
  const derive = (label: string) =>
    createHmac('sha256', platform.ACTOR_SIGNING_SECRET).update(label).digest('hex').slice(0, 32);
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    stateFile: path.join(DATA_DIR, 'twilio-sim.json'),
    accountSid: `AC${derive('twilio-sim-account-sid')}`,
    authToken: derive('twilio-sim-auth-token'),
  };
}

interface MailSinkSetup {
  smtpPort: number;
  httpPort: number;
  stateFile: string;
}

/** The mail sink's settings, or null when it is off or a real SMTP server is configured. */
function mailSinkSetup(): MailSinkSetup | null {
  const defaultMode = process.env['NODE_ENV'] === 'production' ? 'off' : 'on';
  if ((process.env['MAIL_SINK'] ?? defaultMode) === 'off') return null;
  if (process.env['SMTP_URL'] || process.env['SMTP_HOST']) return null;
  return {
    smtpPort: Number(process.env['MAIL_SINK_SMTP_PORT'] ?? 4025),
    httpPort: Number(process.env['MAIL_SINK_HTTP_PORT'] ?? 4026),
    stateFile: path.join(DATA_DIR, 'mail-sink.json'),
  };
}

interface SmsSender {
  phoneNumber: string;
  webhookToken: string;
}

/** Every organization's SMS and WhatsApp senders with its webhook token. */
async function demoSmsSenders(db: Db): Promise<SmsSender[]> {
  // The settings of all organizations at once: a startup task, not a tenant's request.
  const rows = await db.$queryRawUnsafe<
    { fromNumber: string | null; whatsappFrom: string | null; webhookToken: string }[]
  >(`SELECT "fromNumber", "whatsappFrom", "webhookToken" FROM "communications"."sms_settings"`);
  return rows.flatMap((r) => [
    ...(r.fromNumber?.startsWith('+')
      ? [{ phoneNumber: r.fromNumber, webhookToken: r.webhookToken }]
      : []),
    ...(r.whatsappFrom
      ? [
          {
            phoneNumber: `whatsapp:${r.whatsappFrom.replace(/^whatsapp:/, '')}`,
            webhookToken: r.webhookToken,
          },
        ]
      : []),
  ]);
}

/** Registers the senders in the Twilio simulator, so a reply from a phone reaches our webhook. */
async function registerSmsSenders(
  simUrl: string,
  webhookBase: string,
  senders: SmsSender[],
): Promise<void> {
  for (const s of senders) {
    const res = await fetch(`${simUrl}/_sim/numbers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumber: s.phoneNumber,
        smsUrl: `${webhookBase.replace(/\/+$/, '')}/webhooks/twilio/${s.webhookToken}/inbound`,
      }),
    });
    if (!res.ok) log(`could not register ${s.phoneNumber} in the Twilio simulator (${res.status})`);
  }
  if (senders.length)
    log(`registered ${senders.length} SMS/WhatsApp senders in the Twilio simulator`);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

async function main(): Promise<void> {
  // Photos and signatures uploaded resumably are kept next to the embedded database, unless an
  // S3-compatible bucket (UPLOAD_S3_BUCKET) or another folder is configured.
  if (!process.env['UPLOAD_S3_BUCKET']) {
    process.env['UPLOAD_DIR'] ??= path.join(DATA_DIR, 'uploads');
  }
  const started = Date.now();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    log(
      `starting embedded PostgreSQL in ${path.relative(process.cwd(), path.join(DATA_DIR, 'postgres')) || '.'}`,
    );
    embedded = await startEmbeddedPostgres(
      path.join(DATA_DIR, 'postgres'),
      Number(process.env['EMBEDDED_PG_PORT'] ?? 5433),
    );
    databaseUrl = await ensureDatabase(embedded.adminUrl, 'attendant');
  }
  const children: Child[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await stopAll(children);
    await embedded?.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const simEnabled =
      (process.env['MEWS_SIM'] ?? (process.env['NODE_ENV'] === 'production' ? 'off' : 'on')) !==
      'off';
    const { platform, sim: simTokens } = secrets(simEnabled);
    const twilioSim = twilioSimSetup(platform);
    const mailSink = mailSinkSetup();
    const gatewayPort = Number(process.env['GATEWAY_PORT'] ?? GATEWAY_PORT);
    const simPort = Number(process.env['MEWS_SIM_PORT'] ?? 4010);
    const sim: SimSetup | null = simEnabled
      ? {
          port: simPort,
          baseUrl: `http://127.0.0.1:${simPort}`,
          stateFile: path.join(DATA_DIR, 'mews-sim.json'),
          initialFile: path.join(DATA_DIR, 'mews-sim-initial.json'),
        }
      : null;

    log('applying migrations');
    await migrateDeploy(databaseUrl);
    const db = createDb(databaseUrl, 2);
    if (!(await isSeeded(db))) {
      log('first start: seeding demo data');
      const summary = await seed(db);
      log(
        `seeded ${Object.entries(summary.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
      );
    }
    if (sim && simTokens) await prepareMewsSim(db, sim, simTokens, platform);
    // Databases seeded before SMS settings existed get the demo ones now.
    if (await ensureDemoSmsSettings(db, { hotel: HOTEL_SLUG, field: FIELD_SLUG }))
      log('added SMS settings for the demo organizations');
    const smsSenders = twilioSim ? await demoSmsSenders(db) : [];
    await db.$disconnect();
    const twilioWebhookBase =
      process.env['TWILIO_WEBHOOK_BASE_URL'] ?? `http://127.0.0.1:${gatewayPort}`;

    const env = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: process.env['NODE_ENV'] ?? 'development',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
      // Where Mews reaches our webhooks (shown on the connection settings page).
      MEWS_WEBHOOK_BASE_URL:
        process.env['MEWS_WEBHOOK_BASE_URL'] ?? `http://127.0.0.1:${gatewayPort}`,
      // Where Twilio reaches our webhooks (status callbacks, inbound messages).
      TWILIO_WEBHOOK_BASE_URL: twilioWebhookBase,
      ...platform,
      ...(twilioSim
        ? {
            TWILIO_API_BASE_URL: twilioSim.baseUrl,
            TWILIO_ACCOUNT_SID: twilioSim.accountSid,
            TWILIO_AUTH_TOKEN: twilioSim.authToken,
          }
        : {}),
      ...(mailSink
        ? {
            SMTP_URL: `smtp://127.0.0.1:${mailSink.smtpPort}`,
            MAIL_SINK_URL: `http://127.0.0.1:${mailSink.httpPort}`,
          }
        : {}),
    };
    if (sim && simTokens) {
      const child = startNode('mews-sim', 'tools/mews-sim/main.js', {
        MEWS_SIM_PORT: String(sim.port),
        MEWS_SIM_STATE_FILE: sim.stateFile,
        MEWS_SIM_INITIAL_STATE: existsSync(sim.initialFile) ? sim.initialFile : '',
        MEWS_SIM_CLIENT_TOKEN: simTokens.MEWS_SIM_CLIENT_TOKEN,
        MEWS_SIM_ACCESS_TOKEN: simTokens.MEWS_SIM_ACCESS_TOKEN,
        MEWS_SIM_WEBHOOK_URL: `http://127.0.0.1:${gatewayPort}/webhooks/mews/${simTokens.MEWS_WEBHOOK_SECRET}`,
        MEWS_SIM_QUIET: '1',
      });
      children.push(child);
      await waitReady(`${sim.baseUrl}/_sim/health`, child);
    }
    if (twilioSim) {
      const child = startNode('twilio-sim', 'tools/twilio-sim/main.js', {
        TWILIO_SIM_PORT: String(twilioSim.port),
        TWILIO_SIM_STATE_FILE: twilioSim.stateFile,
        TWILIO_SIM_ACCOUNT_SID: twilioSim.accountSid,
        TWILIO_SIM_AUTH_TOKEN: twilioSim.authToken,
        TWILIO_SIM_QUIET: '1',
      });
      children.push(child);
      await waitReady(`${twilioSim.baseUrl}/_sim/health`, child);
      await registerSmsSenders(twilioSim.baseUrl, twilioWebhookBase, smsSenders);
    }
    if (mailSink) {
      const child = startNode('mail-sink', 'tools/mail-sink/main.js', {
        MAIL_SINK_SMTP_PORT: String(mailSink.smtpPort),
        MAIL_SINK_HTTP_PORT: String(mailSink.httpPort),
        MAIL_SINK_STATE_FILE: mailSink.stateFile,
        MAIL_SINK_QUIET: '1',
      });
      children.push(child);
      await waitReady(`http://127.0.0.1:${mailSink.httpPort}/_sink/health`, child);
    }
    for (const { def, port } of SUBGRAPHS) {
      const portVar = `${def.name.toUpperCase()}_PORT`;
      const p = Number(process.env[portVar] ?? port);
      const child = startNode(def.name, `subgraphs/${def.name}/src/main.js`, {
        ...env,
        [portVar]: String(p),
      });
      children.push(child);
      await waitReady(`http://127.0.0.1:${p}/ready`, child);
    }
    const gateway = startNode('gateway', 'gateway/src/main.js', {
      ...env,
      GATEWAY_PORT: String(gatewayPort),
    });
    children.push(gateway);
    await waitReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway);
    for (const c of children)
      void c.exited.then((code) => !stopping && (log(`${c.name} exited (${code})`), void stop(1)));

    const url = `http://localhost:${gatewayPort}/graphql`;
    const simLines = sim
      ? [
          `  Mews simulator           ${sim.baseUrl}/api/connector/v1/{resource}/{operation}  (data in ${path.relative(process.cwd(), sim.stateFile) || sim.stateFile})`,
          `  Mews simulator admin     POST ${sim.baseUrl}/_sim/reservations/:id  /_sim/resources/:id/state  /_sim/customers/:id  /_sim/faults  /_sim/reset`,
        ].join('\n')
      : '  Mews simulator           off (MEWS_SIM=off)';
    const twilioLines = twilioSim
      ? [
          `  Twilio simulator         ${twilioSim.baseUrl}/2010-04-01/Accounts/${twilioSim.accountSid}/Messages.json  (data in ${path.relative(process.cwd(), twilioSim.stateFile) || twilioSim.stateFile})`,
          `  Twilio simulator phone   POST ${twilioSim.baseUrl}/_sim/inbound {from, to, body}  GET /_sim/messages  POST /_sim/faults  /_sim/reset`,
        ].join('\n')
      : '  Twilio simulator         off (TWILIO_SIM=off)';
    const mailLines = mailSink
      ? `  Mail sink                smtp://127.0.0.1:${mailSink.smtpPort}  API http://127.0.0.1:${mailSink.httpPort}/_sink/mails  (admin: Settings → Mail sink; data in ${path.relative(process.cwd(), mailSink.stateFile) || mailSink.stateFile})`
      : `  Mail sink                off (${process.env['SMTP_URL'] || process.env['SMTP_HOST'] ? 'SMTP server configured' : 'MAIL_SINK=off'})`;
    console.log(`
  Attendant is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  Admin console            http://localhost:${gatewayPort}/admin/
  Technician app           http://localhost:${gatewayPort}/app/
  GraphQL API              ${url}
  WebSocket subscriptions  ${url.replace('http', 'ws')}
  Health / readiness       http://localhost:${gatewayPort}/health  /ready
  Database                 ${embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(process.cwd(), path.join(DATA_DIR, 'postgres'))})` : 'DATABASE_URL'}
${simLines}
${twilioLines}
${mailLines}

  Demo logins (password: ${DEMO_PASSWORD})
${DEMO_LOGINS.map((l) => `    ${l.email.padEnd(28)} ${l.roles.join(', ').padEnd(12)} ${l.note}`).join('\n')}

  Press Ctrl-C to stop.
`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stop(1);
  }
}

void main();
