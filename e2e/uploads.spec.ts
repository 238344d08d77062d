import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  startStack,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';

/*
 * Resumable uploads (tus) of work order photos and signatures through the gateway's /uploads,
 * as the technician app sends them: in chunks, resumed after a dropped connection, filed once
 * per clientId, checked for type and size, and closed to everyone but the uploader.
 */

const CHUNK = 64 * 1024;
/** A PNG's signature followed by filler: what the server checks is the content's type. */
const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(size - 8),
  ]);

describe('Resumable uploads of work order files (tus through the gateway)', () => {
  let database: TestDatabase;
  let stack: Stack;
  let tenant: TenantFixture;
  let rival: TenantFixture;
  let techToken: string;
  let adminToken: string;
  let rivalToken: string;
  let uploadDir: string;
  let jobId: string;
  let endpoint: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(path.join(tmpdir(), 'attendant-uploads-test-'));
    process.env['UPLOAD_DIR'] = uploadDir;
    database = await createTestDatabase();
    stack = await startStack(database);
    tenant = await createTenant(stack.subgraphs['operations']!, 'Upload Plumbing');
    rival = await createTenant(stack.subgraphs['operations']!, 'Rival Plumbing');
    techToken = await login(stack.gateway, tenant.techEmail, tenant.password);
    adminToken = await login(stack.gateway, tenant.adminEmail, tenant.password);
    rivalToken = await login(stack.gateway, rival.techEmail, rival.password);
    endpoint = `${stack.gateway.url.replace(/\/graphql$/, '')}/uploads`;
    const created = await gql<{ createWorkOrder: { id: string } }>(
      stack.gateway,
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`,
      { input: { kind: 'FIELD_JOB', title: 'Leak under sink', technicianId: tenant.technicianId } },
      adminToken,
    );
    jobId = created.body.data!.createWorkOrder.id;
  });

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
    delete process.env['UPLOAD_DIR'];
    rmSync(uploadDir, { recursive: true, force: true });
  });

  interface Sent {
    url: string | null;
    attachmentId: string | null;
    error: Error | null;
  }

  /** Sends a file with tus-js-client; `stopAfterChunks` drops the connection after that many. */
  const send = (
    file: Buffer,
    metadata: Record<string, string>,
    opts: { token?: string; uploadUrl?: string; stopAfterChunks?: number } = {},
  ) =>
    new Promise<Sent>((resolve) => {
      let attachmentId: string | null = null;
      let chunks = 0;
      const upload: tus.Upload = new tus.Upload(file, {
        endpoint,
        uploadUrl: opts.uploadUrl ?? null,
        chunkSize: CHUNK,
        retryDelays: [],
        metadata,
        headers: { authorization: `Bearer ${opts.token ?? techToken}` },
        onAfterResponse: (_req, res) => {
          attachmentId = res.getHeader('Attendant-Attachment-Id') ?? attachmentId;
        },
        onChunkComplete: () => {
          chunks += 1;
          if (opts.stopAfterChunks !== undefined && chunks >= opts.stopAfterChunks) {
            void upload.abort().then(() => resolve({ url: upload.url, attachmentId, error: null }));
          }
        },
        onSuccess: () => resolve({ url: upload.url, attachmentId, error: null }),
        onError: (error) => resolve({ url: upload.url, attachmentId, error }),
      });
      upload.start();
    });

  const photo = (extra: Record<string, string> = {}) => ({
    workOrderId: jobId,
    kind: 'PHOTO',
    filename: 'leak.png',
    filetype: 'image/png',
    clientId: randomUUID(),
    ...extra,
  });

  const attachments = async () =>
    (
      await gql<{
        workOrder: {
          attachments: {
            id: string;
            clientId: string;
            sizeBytes: number;
            signerName: string | null;
          }[];
        };
      }>(
        stack.gateway,
        `query ($id: ID!) { workOrder(id: $id) { attachments { id clientId sizeBytes signerName } } }`,
        { id: jobId },
        adminToken,
      )
    ).body.data!.workOrder.attachments;

  const head = (url: string, token = techToken) =>
    fetch(new URL(url, endpoint), {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0', authorization: `Bearer ${token}` },
    });

  it('should file a photo sent in chunks as an attachment with the same bytes', async () => {
    const file = png(200 * 1024);
    const meta = photo();
    const sent = await send(file, meta);
    expect(sent.error).toBeNull();
    expect(sent.attachmentId).toEqual(expect.any(String));
    const stored = (await attachments()).find((a) => a.clientId === meta.clientId);
    expect(stored).toMatchObject({ id: sent.attachmentId, sizeBytes: file.length });
    const data = await gql<{ workOrder: { attachments: { id: string; dataUrl: string }[] } }>(
      stack.gateway,
      `query ($id: ID!) { workOrder(id: $id) { attachments { id dataUrl } } }`,
      { id: jobId },
      techToken,
    );
    const url = data.body.data!.workOrder.attachments.find(
      (a) => a.id === sent.attachmentId,
    )!.dataUrl;
    expect(Buffer.from(url.split(',')[1]!, 'base64').equals(file)).toBe(true);
  });

  it('should resume a dropped upload from where the server got to, and file it once', async () => {
    const file = png(5 * CHUNK + 1234);
    const meta = photo();
    const first = await send(file, meta, { stopAfterChunks: 2 });
    expect(first.url).toEqual(expect.stringContaining('/uploads/'));
    const offset = Number((await head(first.url!)).headers.get('upload-offset'));
    expect(offset).toBe(2 * CHUNK);
    expect((await attachments()).some((a) => a.clientId === meta.clientId)).toBe(false);

    const resumed = await send(file, meta, { uploadUrl: first.url! });
    expect(resumed.error).toBeNull();
    const filed = (await attachments()).filter((a) => a.clientId === meta.clientId);
    expect(filed).toHaveLength(1);
    expect(filed[0]!.sizeBytes).toBe(file.length);
  });

  it('should keep one attachment when the same clientId is uploaded twice, and drop the extra copy', async () => {
    const meta = photo();
    const a = await send(png(10_000), meta);
    const filesBefore = readdirSync(uploadDir).length;
    const b = await send(png(10_000), meta);
    expect(b.error).toBeNull();
    expect(b.attachmentId).toBe(a.attachmentId);
    expect((await attachments()).filter((x) => x.clientId === meta.clientId)).toHaveLength(1);
    expect(readdirSync(uploadDir).length).toBe(filesBefore);
  });

  it('should store a signature with its signer', async () => {
    const meta = photo({
      kind: 'SIGNATURE',
      filename: 'signature.png',
      signerName: 'Ada Customer',
    });
    const sent = await send(png(4_000), meta);
    expect(sent.error).toBeNull();
    expect((await attachments()).find((a) => a.id === sent.attachmentId)?.signerName).toBe(
      'Ada Customer',
    );
    const unsigned = await send(png(4_000), photo({ kind: 'SIGNATURE', filename: 's.png' }));
    expect(String(unsigned.error)).toMatch(/name of the person who signed/);
  });

  it('should refuse a file that is not what its type says, and keep nothing of it', async () => {
    const meta = photo();
    const sent = await send(randomBytes(3_000), meta);
    expect(String(sent.error)).toMatch(/not a PNG image/);
    expect((await attachments()).some((a) => a.clientId === meta.clientId)).toBe(false);
  });

  it('should refuse files over 5 MB before receiving them', async () => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(5 * 1024 * 1024 + 1),
        authorization: `Bearer ${techToken}`,
      },
    });
    expect(res.status).toBe(413);
  });

  it('should keep uploads to their uploader and their jobs: anonymous, other organizations and other jobs are refused', async () => {
    const anonymous = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '100' },
    });
    expect(anonymous.status).toBe(401);

    const rivalSend = await send(png(1_000), photo(), { token: rivalToken });
    expect(String(rivalSend.error)).toMatch(/404|not found/i);

    const started = await send(png(3 * CHUNK), photo(), { stopAfterChunks: 1 });
    expect((await head(started.url!, rivalToken)).status).toBe(404);
    const hijack = await fetch(new URL(started.url!, endpoint), {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(CHUNK),
        'Content-Type': 'application/offset+octet-stream',
        authorization: `Bearer ${rivalToken}`,
      },
      body: new Uint8Array(randomBytes(10)),
    });
    expect(hijack.status).toBe(404);
    expect(Number((await head(started.url!)).headers.get('upload-offset'))).toBe(CHUNK);
  });
});
