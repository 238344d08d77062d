import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { KitConfig } from '../config';

/**
 * Encrypts secrets at rest (e.g. a PMS access token) with AES-256-GCM. The sealed form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so a tampered or foreign value fails to open.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    if (keyMaterial.length < 32) throw new Error('The encryption key needs at least 32 characters');
    this.key = Buffer.from(
      hkdfSync('sha256', keyMaterial, 'attendant', 'attendant secret box v1', 32),
    );
  }

  /** From `DATA_ENCRYPTION_KEY`, or in development from the signing secret. */
  static fromConfig(config: Pick<KitConfig, 'DATA_ENCRYPTION_KEY' | 'ACTOR_SIGNING_SECRET'>) {
    return new SecretBox(config.DATA_ENCRYPTION_KEY ?? config.ACTOR_SIGNING_SECRET);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    return `v1.${parts.join('.')}`;
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) {
      throw new Error('Not a sealed secret');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}

/** A stable, non-reversible lookup key for a secret (e.g. a webhook secret in a URL). */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
