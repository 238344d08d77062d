import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import type { DataStore } from '@tus/server';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where resumable uploads live: a folder on local disk (embedded mode and tests) or an
 * S3-compatible bucket (AWS S3, MinIO, R2, …) when `UPLOAD_S3_BUCKET` is set. The tus datastore
 * receives the chunks; the same store reads a finished file back.
 */
export interface ObjectStorage {
  readonly datastore: DataStore & {
    read(id: string): Readable | Promise<Readable>;
    remove(id: string): Promise<void>;
  };
  readonly description: string;
}

/** Unfinished uploads are kept this long for the device to resume them. */
export const UPLOAD_EXPIRY_MS = 24 * 3_600_000;

export function storageFromEnv(env: NodeJS.ProcessEnv): ObjectStorage {
  const bucket = env['UPLOAD_S3_BUCKET'];
  if (bucket) {
    const endpoint = env['UPLOAD_S3_ENDPOINT'];
    const accessKeyId = env['UPLOAD_S3_ACCESS_KEY_ID'];
    const secretAccessKey = env['UPLOAD_S3_SECRET_ACCESS_KEY'];
    return {
      description: `s3://${bucket}${endpoint ? ` at ${endpoint}` : ''}`,
      datastore: new S3Store({
        partSize: 8 * 1024 * 1024,
        expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS,
        s3ClientConfig: {
          bucket,
          region: env['UPLOAD_S3_REGION'] ?? 'us-east-1',
          ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
          // Without keys the AWS SDK's default chain applies (instance role, environment, …).
          ...(accessKeyId && secretAccessKey
            ? { credentials: { accessKeyId, secretAccessKey } }
            : {}),
        },
      }),
    };
  }
  const directory = env['UPLOAD_DIR'] ?? path.join(tmpdir(), 'attendant-uploads');
  return {
    description: directory,
    datastore: new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS }),
  };
}

/** A finished upload's bytes (attachments are at most 5 MB). */
export async function readObject(storage: ObjectStorage, id: string): Promise<Buffer> {
  const stream = await storage.datastore.read(id);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
