import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importPKCS8, importSPKI, type CryptoKey } from 'jose';

/** Every Resona token is signed with Ed25519 (JWS `EdDSA`): small, fast, and asymmetric. */
export const SIGNING_ALG = 'EdDSA';

export interface PemKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generatePemKeyPair(): PemKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * `<dataDir>/keys/`, created owner-only. Only `keys/` gets 0700: a recursive mkdir with that mode would
 * give it to a new `<dataDir>` too, and the embedded PostgreSQL (run as the `postgres` user when we
 * are root) could then not reach its own data under it.
 */
export function keysDir(dataDir: string): string {
  const dir = path.join(dataDir, 'keys');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * A key pair kept under `<dataDir>/keys/<name>.*.pem`, made on first use. Only for development: in
 * production keys come from configuration (a secret store), and config refuses to start without them.
 */
export function devKeyPair(dataDir: string, name: string): PemKeyPair {
  const privatePath = path.join(dataDir, 'keys', `${name}.private.pem`);
  const publicPath = path.join(dataDir, 'keys', `${name}.public.pem`);
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    keysDir(dataDir);
    const pair = generatePemKeyPair();
    writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600 });
    writeFileSync(publicPath, pair.publicKeyPem);
  }
  return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
}

export const importPrivateKey = (pem: string): Promise<CryptoKey> => importPKCS8(pem, SIGNING_ALG);
export const importPublicKey = (pem: string): Promise<CryptoKey> => importSPKI(pem, SIGNING_ALG);
