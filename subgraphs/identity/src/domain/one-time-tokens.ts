import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@resona/errors';
import { OneTimeTokenEntity, type OneTimeToken, type OneTimeTokenPurpose } from '../entities.js';
import { randomToken, sha256 } from './secrets.js';

/** How long each kind of mailed token works. */
export const TOKEN_TTL_MS: Record<OneTimeTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60 * 1000,
  RESET_PASSWORD: 60 * 60 * 1000,
  INVITATION: 7 * 24 * 60 * 60 * 1000,
};

/** Issues a single-use token (stored as its SHA-256 only) and returns it, to be mailed. */
export async function issueToken(
  em: EntityManager,
  purpose: OneTimeTokenPurpose,
  target: { email: string; userId: string | null; detail?: Record<string, unknown> },
): Promise<string> {
  const token = randomToken();
  await em.insert(OneTimeTokenEntity, {
    id: randomUUID(),
    purpose,
    tokenHash: sha256(token),
    userId: target.userId,
    email: target.email,
    detail: target.detail ?? null,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    usedAt: null,
    createdAt: new Date(),
  });
  return token;
}

const invalid = () => badUserInput('This link is invalid or has expired. Please ask for a new one.', 'token');

/** The unused, unexpired token, without using it up (to check the rest of a request first). */
export async function peekToken(em: EntityManager, purpose: OneTimeTokenPurpose, token: string): Promise<OneTimeToken> {
  const found = await em.findOne(OneTimeTokenEntity, { tokenHash: sha256(token), purpose, usedAt: null, expiresAt: { $gt: new Date() } });
  if (!found) throw invalid();
  return found;
}

/** Uses a token up, atomically: of two concurrent uses, one fails. */
export async function consumeToken(em: EntityManager, purpose: OneTimeTokenPurpose, token: string): Promise<OneTimeToken> {
  const found = await peekToken(em, purpose, token);
  const used = await em.nativeUpdate(OneTimeTokenEntity, { id: found.id, usedAt: null }, { usedAt: new Date() });
  if (used !== 1) throw invalid();
  return found;
}
