import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { ApiKeyEntity, type ApiKey } from '../entities.js';
import { sameDigest, sha256 } from './secrets.js';
import { IdentityAuditAction, type AuditTrail } from './audit.js';
import type { SecurityEvents } from './security-events.js';

/** GraphQL `ApiKeyScope` values and the scopes they put in the principal. */
export const API_KEY_SCOPES = {
  RISK_READ: 'risk:read',
  EMOTION_READ: 'emotion:read',
  ALERTS_SUBSCRIBE: 'alerts:subscribe',
} as const;
export type ApiKeyScopeName = keyof typeof API_KEY_SCOPES;

/** `last_used_at` is written at most this often per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The whole key, shown once. */
  secret: string;
}

/** Key format: `rsk_<8 hex prefix>_<32 random bytes, base64url>`. */
const KEY_FORMAT = /^rsk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
const newKey = () => {
  const prefix = randomBytes(4).toString('hex');
  return { prefix, key: `rsk_${prefix}_${randomBytes(32).toString('base64url')}` };
};
const keyName = z.string().trim().min(1).max(80);

export const scopeName = (scope: string): ApiKeyScopeName =>
  (Object.keys(API_KEY_SCOPES) as ApiKeyScopeName[]).find((name) => API_KEY_SCOPES[name] === scope)!;

/** A clinic's partner API keys. Only the SHA-256 of a key is stored. */
export class ApiKeys {
  constructor(
    private readonly em: EntityManager,
    private readonly events: SecurityEvents,
    private readonly audit: AuditTrail,
  ) {}

  list(clinicId: string): Promise<ApiKey[]> {
    return this.em.find(ApiKeyEntity, { clinicId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  async create(clinicId: string, userId: string, input: { name: string; scopes: ApiKeyScopeName[]; expiresAt?: Date | null }): Promise<CreatedApiKey> {
    const name = keyName.safeParse(input.name);
    if (!name.success) throw badUserInput('A key name is 1 to 80 characters.', 'name');
    if (!input.scopes.length) throw badUserInput('Choose at least one scope.', 'scopes');
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badUserInput('The expiry must be in the future.', 'expiresAt');
    const { prefix, key } = newKey();
    const apiKey = await this.em.transactional(async (tx) => {
      const created = tx.create(ApiKeyEntity, {
        id: randomUUID(),
        clinicId,
        name: name.data,
        scopes: [...new Set(input.scopes)].map((scope) => API_KEY_SCOPES[scope]),
        prefix,
        secretHash: sha256(key),
        createdBy: userId,
        createdAt: new Date(),
        expiresAt: input.expiresAt ?? null,
        revokedAt: null,
        lastUsedAt: null,
      });
      await tx.flush();
      await this.changed(tx, 'API_KEY_CREATED', userId, created);
      return created;
    });
    return { apiKey, secret: key };
  }

  /** A new secret (and prefix) for the key; the old key stops working at once. */
  async rotate(clinicId: string, userId: string, id: string): Promise<CreatedApiKey> {
    const apiKey = await this.find(clinicId, id);
    if (apiKey.revokedAt) throw badUserInput('This key is revoked.', 'id');
    const { prefix, key } = newKey();
    await this.em.transactional(async (tx) => {
      apiKey.prefix = prefix;
      apiKey.secretHash = sha256(key);
      await tx.flush();
      await this.changed(tx, 'API_KEY_ROTATED', userId, apiKey);
    });
    return { apiKey, secret: key };
  }

  async revoke(clinicId: string, userId: string, id: string): Promise<ApiKey> {
    const apiKey = await this.find(clinicId, id);
    if (!apiKey.revokedAt) {
      await this.em.transactional(async (tx) => {
        apiKey.revokedAt = new Date();
        await tx.flush();
        await this.changed(tx, 'API_KEY_REVOKED', userId, apiKey);
      });
    }
    return apiKey;
  }

  /** For the gateway: the key's identity, or null when unknown, revoked or expired. */
  async verify(key: string): Promise<{ keyId: string; clinicId: string; scopes: string[] } | null> {
    const match = KEY_FORMAT.exec(key.trim());
    if (!match) return null;
    const found = await this.em.findOne(ApiKeyEntity, { prefix: match[1]! });
    if (!found || !sameDigest(found.secretHash, sha256(key.trim()))) return null;
    const now = Date.now();
    if (found.revokedAt || (found.expiresAt && found.expiresAt.getTime() <= now)) return null;
    if (!found.lastUsedAt || now - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.em.nativeUpdate(
        ApiKeyEntity,
        { id: found.id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: new Date(now - LAST_USED_RESOLUTION_MS) } }] },
        { lastUsedAt: new Date(now) },
      );
    }
    return { keyId: found.id, clinicId: found.clinicId, scopes: found.scopes };
  }

  /** The security event and the audit record of a change to a key, in the change's transaction. */
  private async changed(tx: EntityManager, action: 'API_KEY_CREATED' | 'API_KEY_ROTATED' | 'API_KEY_REVOKED', userId: string, apiKey: ApiKey) {
    await this.events.record(action, { userId, detail: { apiKeyId: apiKey.id, clinicId: apiKey.clinicId } }, tx);
    await this.audit.record(tx, IdentityAuditAction[action], {
      resourceType: 'ApiKey',
      resourceId: apiKey.id,
      detail: { clinicId: apiKey.clinicId, name: apiKey.name, prefix: apiKey.prefix, scopes: apiKey.scopes },
    });
  }

  private async find(clinicId: string, id: string): Promise<ApiKey> {
    const apiKey = isUuid(id) ? await this.em.findOne(ApiKeyEntity, { id, clinicId }) : null;
    if (!apiKey) throw notFound('There is no such API key in your clinic.');
    return apiKey;
  }
}
