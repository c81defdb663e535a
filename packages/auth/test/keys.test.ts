/** Development keys on disk: owner-only, without locking the embedded PostgreSQL out of the same data folder. */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encryptionKeysFromConfig, pemFromConfig } from '../src/key-config.js';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('development keys', () => {
  it('keeps keys/ owner-only but leaves a new data folder traversable (the embedded PostgreSQL runs as another user)', () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'resona-keys-')), 'data');
    const pem = pemFromConfig(undefined, { dataDir, name: 'internal', part: 'private' });
    expect(pem).toContain('BEGIN PRIVATE KEY');
    expect(mode(path.join(dataDir, 'keys'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'keys', 'internal.private.pem'))).toBe(0o600);
    expect(mode(dataDir) & 0o005).toBe(0o005);
  });

  it('makes the encryption key once and reads the same one back', () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'resona-keys-')), 'data');
    const first = encryptionKeysFromConfig(undefined, dataDir);
    expect(first).toMatch(/^1:[A-Za-z0-9+/]{43}=$/);
    expect(encryptionKeysFromConfig(undefined, dataDir)).toBe(first);
    expect(mode(path.join(dataDir, 'keys', 'encryption-keys'))).toBe(0o600);
    expect(mode(dataDir) & 0o005).toBe(0o005);
  });
});
