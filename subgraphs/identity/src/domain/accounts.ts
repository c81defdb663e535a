import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from '@resona/config';
import {
  Role,
  dummyPasswordHash,
  hashPassword,
  passwordProblem,
  signAccessToken,
  verifyPassword,
  type CryptoKey,
} from '@resona/auth';
import { badUserInput, unauthenticated } from '@resona/errors';
import { RefreshTokenEntity, UserEntity, type Language, type User } from '../entities.js';

/** A refresh token lives 30 days, and every use replaces it. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const email = z.email().max(254);
const displayName = z.string().trim().min(1).max(80);
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
export const normaliseEmail = (value: string) => value.trim().toLowerCase();

/**
 * Registration, login and sessions. Knows nothing of GraphQL: errors it throws are already the
 * coded errors clients see.
 */
export class Accounts {
  constructor(
    private readonly em: EntityManager,
    private readonly accessTokenKey: CryptoKey,
  ) {}

  async register(input: { email: string; password: string; displayName: string; preferredLanguage?: Language | null }): Promise<Session> {
    const address = normaliseEmail(input.email);
    if (!email.safeParse(address).success) throw badUserInput('Enter a valid email address.', 'email');
    const name = displayName.safeParse(input.displayName);
    if (!name.success) throw badUserInput('Display name must be 1 to 80 characters.', 'displayName');
    const weak = passwordProblem(input.password, [address.split('@')[0]!, name.data]);
    if (weak) throw badUserInput(weak, 'password');
    const passwordHash = await hashPassword(input.password);
    const user = this.em.create(UserEntity, {
      id: randomUUID(),
      email: address,
      passwordHash,
      displayName: name.data,
      preferredLanguage: input.preferredLanguage ?? 'EN',
      roles: [Role.PATIENT],
      clinicId: null,
      createdAt: new Date(),
    });
    try {
      await this.em.flush();
    } catch (error) {
      if ((error as { code?: string }).code === '23505' || (error as Error).name === 'UniqueConstraintViolationException') {
        // Said the same way whether or not the account is active, and only to the registering client.
        throw badUserInput('This email cannot be used to register. If it is yours, sign in instead.', 'email');
      }
      throw error;
    }
    return this.openSession(user);
  }

  async login(input: { email: string; password: string }): Promise<Session> {
    const user = await this.em.findOne(UserEntity, { email: normaliseEmail(input.email) });
    // Verify against a dummy hash when there is no account, so both paths take the same time.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !valid) throw unauthenticated('Email or password is incorrect.');
    return this.openSession(user);
  }

  /**
   * Rotates a refresh token. A token used twice means it was copied: the whole session (token
   * family) is revoked, so both the thief and the person must sign in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const stored = await this.em.findOne(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
    const invalid = unauthenticated('Your session has ended. Please sign in again.');
    if (!stored || stored.revokedAt) throw invalid;
    if (stored.usedAt) {
      await this.revokeFamily(stored.familyId);
      throw invalid;
    }
    if (stored.expiresAt.getTime() < Date.now()) throw invalid;
    stored.usedAt = new Date();
    const user = await this.em.findOneOrFail(UserEntity, { id: stored.userId });
    return this.openSession(user, stored.familyId);
  }

  async logout(refreshToken: string): Promise<boolean> {
    const stored = await this.em.findOne(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
    if (stored) await this.revokeFamily(stored.familyId);
    return true;
  }

  private async revokeFamily(familyId: string) {
    await this.em.nativeUpdate(RefreshTokenEntity, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  private async openSession(user: User, familyId: string = randomUUID()): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    this.em.create(RefreshTokenEntity, {
      id: randomUUID(),
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      usedAt: null,
      revokedAt: null,
      createdAt: new Date(),
    });
    await this.em.flush();
    const accessToken = await signAccessToken(this.accessTokenKey, {
      userId: user.id,
      roles: user.roles,
      clinicId: user.clinicId,
      sessionId: familyId,
    });
    return { accessToken, refreshToken, user };
  }
}
