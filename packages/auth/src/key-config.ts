import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { devKeyPair, keysDir } from './keys.js';

/**
 * A PEM key from configuration, or in development a key pair kept under `<dataDir>/keys/` so
 * every service started from the same checkout agrees. Production configs must set the key
 * (their zod schema refuses to start without it).
 */
export function pemFromConfig(value: string | undefined, fallback: { dataDir: string; name: string; part: 'private' | 'public' }): string {
  if (value) return value.replace(/\\n/g, '\n');
  const pair = devKeyPair(fallback.dataDir, fallback.name);
  return fallback.part === 'private' ? pair.privateKeyPem : pair.publicKeyPem;
}

/** `ENCRYPTION_KEYS` from configuration, or in development a random key kept under `<dataDir>/keys/`. */
export function encryptionKeysFromConfig(value: string | undefined, dataDir: string): string {
  if (value) return value;
  const file = path.join(dataDir, 'keys', 'encryption-keys');
  if (!existsSync(file)) {
    keysDir(dataDir);
    writeFileSync(file, `1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
