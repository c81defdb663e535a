import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption with AES-256-GCM.
 *
 * Each person's sensitive text is encrypted under their own random 256-bit data key; data keys are
 * stored only wrapped (encrypted) by a key-encryption key (KEK) from configuration. Deleting a
 * person's data key makes every copy of their ciphertext unreadable (crypto-shredding), backups
 * included. KEKs are versioned so they can rotate: the newest wraps, every known version unwraps.
 */

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of every ciphertext, so the format can change without ambiguity. */
const FORMAT_V1 = 1;

export class KeyRing {
  private readonly keks: Map<number, Buffer>;
  readonly currentVersion: number;

  /** @param keks KEK versions to their 32-byte keys; the highest version wraps new data keys. */
  constructor(keks: Map<number, Buffer>) {
    if (keks.size === 0) throw new Error('KeyRing needs at least one key-encryption key');
    for (const [version, key] of keks) {
      if (key.length !== 32) throw new Error(`Key-encryption key v${version} must be 32 bytes, got ${key.length}`);
    }
    this.keks = keks;
    this.currentVersion = Math.max(...keks.keys());
  }

  /** Parses `"1:<base64>,2:<base64>"`, the format of the `ENCRYPTION_KEYS` setting. */
  static parse(spec: string): KeyRing {
    const keks = new Map<number, Buffer>();
    for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [version, key] = part.split(':');
      if (!version || !key || !/^\d+$/.test(version)) throw new Error('ENCRYPTION_KEYS must look like "1:<base64 key>,2:<base64 key>"');
      keks.set(Number(version), Buffer.from(key, 'base64'));
    }
    return new KeyRing(keks);
  }

  /** A fresh `ENCRYPTION_KEYS` value with one random key, for development and tests. */
  static generateSpec(): string {
    return `1:${randomBytes(32).toString('base64')}`;
  }

  newDataKey(): Buffer {
    return randomBytes(32);
  }

  wrap(dataKey: Buffer, context: string): { kekVersion: number; wrapped: Buffer } {
    return { kekVersion: this.currentVersion, wrapped: seal(this.kek(this.currentVersion), dataKey, context) };
  }

  unwrap(kekVersion: number, wrapped: Buffer, context: string): Buffer {
    return open(this.kek(kekVersion), wrapped, context);
  }

  private kek(version: number): Buffer {
    const key = this.keks.get(version);
    if (!key) throw new Error(`Unknown key-encryption key version ${version}`);
    return key;
  }
}

/**
 * Encrypts `plaintext` under `key`. `context` is authenticated but not stored (AES-GCM associated
 * data): binding a ciphertext to its owner and record means a row copied onto another person's
 * record fails to decrypt instead of leaking.
 */
export function seal(key: Buffer, plaintext: Buffer | string, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
}

/** Decrypts what `seal` produced; throws when the key, context or bytes do not match. */
export function open(key: Buffer, sealed: Buffer, context: string): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) throw new Error('Not a Resona ciphertext');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}
