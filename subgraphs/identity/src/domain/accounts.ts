import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from '@resona/config';
import { Role, dummyPasswordHash, hashPassword, passwordProblem, signAccessToken, verifyPassword } from '@resona/auth';
import { badUserInput, forbidden, unauthenticated } from '@resona/errors';
import { Topic } from '@resona/pubsub';
import { OidcLoginEntity, RefreshTokenEntity, UserEntity, UserIdentityEntity, type Language, type User } from '../entities.js';
import { IdentityAuditAction, type AuditTrail } from './audit.js';
import { Mfa, type SecondFactor } from './mfa.js';
import { oidcDisabled } from './oidc.js';
import { consumeToken, issueToken, peekToken } from './one-time-tokens.js';
import { mfaRequired, randomToken, sha256 } from './secrets.js';
import type { Origin, SecurityEvents } from './security-events.js';
import type { IdentityServices } from './services.js';

/** A refresh token lives 30 days, and every use replaces it. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A social login must come back from the provider within 10 minutes. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const email = z.email().max(254);
const displayName = z.string().trim().min(1).max(80);
export const normaliseEmail = (value: string) => value.trim().toLowerCase();

/** Checks a new account's email, name and password; problems are `BAD_USER_INPUT`. */
export function checkNewAccount(input: { email: string; password: string; displayName: string }) {
  const address = normaliseEmail(input.email);
  if (!email.safeParse(address).success) throw badUserInput('Enter a valid email address.', 'email');
  const name = displayName.safeParse(input.displayName);
  if (!name.success) throw badUserInput('Display name must be 1 to 80 characters.', 'displayName');
  const weak = passwordProblem(input.password, [address.split('@')[0]!, name.data]);
  if (weak) throw badUserInput(weak, 'password');
  return { address, name: name.data };
}

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === '23505' || (error as Error).name === 'UniqueConstraintViolationException';

/**
 * Registration, login, sessions, email verification, password reset and social login. Knows
 * nothing of GraphQL: errors it throws are already the coded errors clients see.
 */
export class Accounts {
  readonly mfa: Mfa;

  constructor(
    private readonly em: EntityManager,
    private readonly services: IdentityServices,
    private readonly events: SecurityEvents,
    private readonly origin: Origin,
    private readonly audit: AuditTrail,
  ) {
    this.mfa = new Mfa(em, services.keyRing, events, audit);
  }

  async register(input: { email: string; password: string; displayName: string; preferredLanguage?: Language | null }): Promise<Session> {
    const { address, name } = checkNewAccount(input);
    const user = await this.createUser({
      email: address,
      passwordHash: await hashPassword(input.password),
      displayName: name,
      preferredLanguage: input.preferredLanguage ?? 'EN',
      roles: [Role.PATIENT],
      clinicId: null,
      emailVerified: false,
    });
    const session = await this.openSession(user);
    await this.sendVerification(user).catch((err: unknown) => this.services.logger.error({ err }, 'verification mail failed'));
    return session;
  }

  /** Creates an account; an email already taken is `BAD_USER_INPUT`, said the same way whatever the account. */
  async createUser(
    fields: Omit<User, 'id' | 'createdAt' | 'mfaEnabled' | 'totpSecret' | 'totpKekVersion' | 'totpLastCounter'>,
    em: EntityManager = this.em,
  ): Promise<User> {
    const user = em.create(UserEntity, {
      id: randomUUID(),
      ...fields,
      mfaEnabled: false,
      totpSecret: null,
      totpKekVersion: null,
      totpLastCounter: null,
      createdAt: new Date(),
    });
    try {
      await em.flush();
    } catch (error) {
      if (isUniqueViolation(error)) {
        em.clear();
        throw badUserInput('This email cannot be used to register. If it is yours, sign in instead.', 'email');
      }
      throw error;
    }
    return user;
  }

  /**
   * Password login, then the second factor when enrolled (`MFA_REQUIRED` without a valid one).
   * Failures count towards the lockout of the email and of the caller's IP address.
   */
  async login(input: { email: string; password: string } & SecondFactor): Promise<Session> {
    const emailHash = sha256(normaliseEmail(input.email));
    await this.services.lockout.check(emailHash, this.origin.ip);
    const user = await this.em.findOne(UserEntity, { email: normaliseEmail(input.email) });
    // Verify against a dummy hash when there is no account, so both paths take the same time.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !valid) {
      await this.failedLogin(emailHash, user?.id ?? null, 'password');
      throw unauthenticated('Email or password is incorrect.');
    }
    const mfa = await this.secondFactor(user, input, emailHash);
    await this.services.lockout.succeed(emailHash);
    return this.openSession(user, { mfa });
  }

  /**
   * Rotates a refresh token. A token used twice means it was copied: the whole session (token
   * family) is revoked, so both the thief and the person must sign in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const stored = await this.em.findOne(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
    const invalid = unauthenticated('Your session has ended. Please sign in again.');
    if (!stored || stored.revokedAt) throw invalid;
    if (stored.expiresAt.getTime() < Date.now()) throw invalid;
    // Claim the token in one statement: of two refreshes racing with the same token, exactly one
    // wins, and the other counts as a reuse, like any other second use.
    const claimed = stored.usedAt ? 0 : await this.em.nativeUpdate(RefreshTokenEntity, { id: stored.id, usedAt: null, revokedAt: null }, { usedAt: new Date() });
    if (claimed === 0) {
      const revoked = await this.em.transactional(async (tx) => {
        const families = await this.revokeFamily(tx, stored.familyId);
        await this.events.record('REFRESH_TOKEN_REUSE', { userId: stored.userId, detail: { sessionId: stored.familyId } }, tx);
        return families;
      });
      await this.announceRevoked(stored.userId, revoked);
      throw invalid;
    }
    const user = await this.em.findOneOrFail(UserEntity, { id: stored.userId });
    return this.openSession(user, { familyId: stored.familyId, mfa: stored.mfa });
  }

  async logout(refreshToken: string): Promise<boolean> {
    const stored = await this.em.findOne(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
    if (stored) await this.announceRevoked(stored.userId, await this.revokeFamily(this.em, stored.familyId));
    return true;
  }

  /**
   * Ends every session (refresh-token family) of the person. Access tokens lapse within 15 minutes;
   * sockets opened with them close at once (`Topic.sessionRevoked`).
   */
  async logoutEverywhere(userId: string): Promise<boolean> {
    await this.announceRevoked(userId, await this.revokeSessions(this.em, userId));
    return true;
  }

  async requestEmailVerification(userId: string): Promise<boolean> {
    const user = await this.em.findOneOrFail(UserEntity, { id: userId });
    if (user.emailVerified) throw badUserInput('Your email is already verified.');
    await this.sendVerification(user);
    return true;
  }

  async verifyEmail(token: string): Promise<boolean> {
    const used = await consumeToken(this.em, 'VERIFY_EMAIL', token);
    // Only the address the mail went to: a token for an old address verifies nothing.
    const updated = await this.em.nativeUpdate(UserEntity, { id: used.userId!, email: used.email }, { emailVerified: true });
    if (updated !== 1) throw badUserInput('This link is invalid or has expired. Please ask for a new one.', 'token');
    return true;
  }

  /**
   * Mails a reset link when the address has an account. Answers `true` at once either way: the
   * lookup and the mail happen after the answer, so neither the answer nor its timing tells.
   */
  async requestPasswordReset(address: string): Promise<boolean> {
    const normalised = normaliseEmail(address);
    await this.services.lockout.resetRequested(sha256(normalised));
    if (email.safeParse(normalised).success) {
      const em = this.em.fork();
      void this.sendReset(em, normalised).catch((err: unknown) => this.services.logger.error({ err }, 'password reset mail failed'));
    }
    return true;
  }

  /** Sets a new password, verifies the email (the link proved it) and ends every session. */
  async resetPassword(token: string, newPassword: string): Promise<boolean> {
    const pending = await peekToken(this.em, 'RESET_PASSWORD', token);
    const user = await this.em.findOne(UserEntity, { id: pending.userId!, email: pending.email });
    if (!user) throw badUserInput('This link is invalid or has expired. Please ask for a new one.', 'token');
    const weak = passwordProblem(newPassword, [user.email.split('@')[0]!, user.displayName]);
    if (weak) throw badUserInput(weak, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    // The token, the password, the ended sessions, the event and the audit record commit together.
    const revoked = await this.em.transactional(async (tx) => {
      await consumeToken(tx, 'RESET_PASSWORD', token);
      user.passwordHash = passwordHash;
      user.emailVerified = true;
      await tx.flush();
      const sessions = await this.revokeSessions(tx, user.id);
      await this.events.record('PASSWORD_RESET', { userId: user.id }, tx);
      await this.audit.record(tx, IdentityAuditAction.PASSWORD_RESET, {
        subjectUserId: user.id,
        resourceType: 'User',
        resourceId: user.id,
        detail: { sessionsEnded: sessions.length },
      });
      return sessions;
    });
    await this.services.lockout.succeed(sha256(user.email));
    await this.announceRevoked(user.id, revoked);
    return true;
  }

  /** Step one of social login: the provider URL; state, nonce and PKCE verifier stay here. */
  async startOidcLogin(): Promise<{ url: string; state: string }> {
    if (!this.services.oidc) throw oidcDisabled();
    const { url, checks } = await this.services.oidc.start();
    await this.em.insert(OidcLoginEntity, {
      id: randomUUID(),
      stateHash: sha256(checks.state),
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      userId: null,
      expiresAt: new Date(Date.now() + OIDC_LOGIN_TTL_MS),
      usedAt: null,
      createdAt: new Date(),
    });
    return { url, state: checks.state };
  }

  /**
   * Step two: exchanges the code, then signs in the linked account, or links an account with the
   * same email when the provider verified that email, or creates a patient account. An account
   * with MFA answers `MFA_REQUIRED`; the same state then works again with a code (code not needed).
   */
  async completeOidcLogin(code: string, state: string, factor: SecondFactor): Promise<Session> {
    if (!this.services.oidc) throw oidcDisabled();
    const pending = await this.em.findOne(OidcLoginEntity, { stateHash: sha256(state), usedAt: null, expiresAt: { $gt: new Date() } });
    if (!pending) throw badUserInput('This sign-in has expired. Please start again.', 'state');
    let user: User;
    if (pending.userId) {
      user = await this.em.findOneOrFail(UserEntity, { id: pending.userId });
    } else {
      const profile = await this.services.oidc.finish(code, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
      user = await this.accountFor(profile);
    }
    let mfa = false;
    if (user.mfaEnabled) {
      if (!pending.userId) {
        pending.userId = user.id; // the provider's code is spent: remember whose login this is
        await this.em.flush();
      }
      mfa = await this.secondFactor(user, factor, sha256(user.email));
    }
    const used = await this.em.nativeUpdate(OidcLoginEntity, { id: pending.id, usedAt: null }, { usedAt: new Date() });
    if (used !== 1) throw badUserInput('This sign-in has expired. Please start again.', 'state');
    return this.openSession(user, { mfa });
  }

  async openSession(user: User, options: { familyId?: string; mfa?: boolean } = {}): Promise<Session> {
    const familyId = options.familyId ?? randomUUID();
    const mfa = options.mfa ?? false;
    const refreshToken = randomBytes(32).toString('base64url');
    this.em.create(RefreshTokenEntity, {
      id: randomUUID(),
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      usedAt: null,
      revokedAt: null,
      mfa,
      createdAt: new Date(),
    });
    await this.em.flush();
    const accessToken = await signAccessToken(this.services.accessTokenKey, {
      userId: user.id,
      roles: user.roles,
      clinicId: user.clinicId,
      sessionId: familyId,
      mfa,
    });
    return { accessToken, refreshToken, user };
  }

  /** The person's account at Resona for a provider's profile (see completeOidcLogin). */
  private async accountFor(profile: { issuer: string; subject: string; email: string | null; emailVerified: boolean; name: string | null }): Promise<User> {
    const link = await this.em.findOne(UserIdentityEntity, { issuer: profile.issuer, subject: profile.subject });
    if (link) return this.em.findOneOrFail(UserEntity, { id: link.userId });
    if (!profile.email || !email.safeParse(normaliseEmail(profile.email)).success) {
      throw badUserInput('The identity provider did not share an email address.');
    }
    const address = normaliseEmail(profile.email);
    let user = await this.em.findOne(UserEntity, { email: address });
    if (user && !profile.emailVerified) {
      // Linking on an unverified email would hand the account to whoever typed that address.
      throw forbidden('An account with this email exists. Sign in with your password.');
    }
    user ??= await this.createUser({
      email: address,
      // No password: an unguessable one, replaceable through password reset.
      passwordHash: await hashPassword(randomToken()),
      displayName: displayName.safeParse(profile.name).data ?? address.split('@')[0]!.slice(0, 80),
      preferredLanguage: 'EN',
      roles: [Role.PATIENT],
      clinicId: null,
      emailVerified: profile.emailVerified,
    });
    await this.em.insert(UserIdentityEntity, { id: randomUUID(), issuer: profile.issuer, subject: profile.subject, userId: user.id, createdAt: new Date() });
    return user;
  }

  /** For an account with MFA: true when the factor is valid; `MFA_REQUIRED` otherwise (a wrong code counts as a failure). */
  private async secondFactor(user: User, factor: SecondFactor, emailHash: string): Promise<boolean> {
    if (!user.mfaEnabled) return false;
    if (!factor.totpCode && !factor.recoveryCode) throw mfaRequired();
    if (!(await this.mfa.verify(user, factor))) {
      await this.failedLogin(emailHash, user.id, 'second factor');
      throw mfaRequired();
    }
    return true;
  }

  private async failedLogin(emailHash: string, userId: string | null, reason: string) {
    await this.events.record('FAILED_LOGIN', { userId, emailHash, detail: { reason } });
    if (await this.services.lockout.fail(emailHash, this.origin.ip)) {
      await this.events.record('LOCKOUT', { userId, emailHash, detail: { reason } });
    }
  }

  /** Ends one session; returns its id when it was still open (else nothing). */
  private async revokeFamily(em: EntityManager, familyId: string): Promise<string[]> {
    const revoked = await em.nativeUpdate(RefreshTokenEntity, { familyId, revokedAt: null }, { revokedAt: new Date() });
    return revoked > 0 ? [familyId] : [];
  }

  /** Ends every open session of the person; returns their ids (refresh-token family ids). */
  private async revokeSessions(em: EntityManager, userId: string): Promise<string[]> {
    const rows = await em.execute<{ family_id: string }[]>(
      'update refresh_token set revoked_at = ? where user_id = ? and revoked_at is null returning family_id',
      [new Date(), userId],
    );
    return [...new Set(rows.map((row) => row.family_id))];
  }

  /**
   * Tells every service that these sessions ended (after the change committed): the gateway closes
   * sockets opened with them. A bus that cannot take the message is logged, not fatal: the
   * sessions are ended either way, and their access tokens lapse within 15 minutes.
   */
  private async announceRevoked(userId: string, sessionIds: string[]) {
    for (const sessionId of sessionIds) {
      await this.services.pubsub
        .publish(Topic.sessionRevoked(sessionId), { userId })
        .catch((err: unknown) => this.services.logger.error({ err, sessionId }, 'could not announce an ended session'));
    }
  }

  private async sendVerification(user: User) {
    const token = await issueToken(this.em, 'VERIFY_EMAIL', { email: user.email, userId: user.id });
    await this.services.mailer.send({
      to: user.email,
      subject: 'Confirm your email for Resona',
      text: `Hello ${user.displayName},\n\nConfirm your email address by opening this link (it works once, for 24 hours):\n${this.link('verify-email', token)}\n\nIf you did not create a Resona account, ignore this mail.`,
    });
  }

  private async sendReset(em: EntityManager, address: string) {
    const user = await em.findOne(UserEntity, { email: address });
    if (!user) return;
    const token = await issueToken(em, 'RESET_PASSWORD', { email: user.email, userId: user.id });
    await this.services.mailer.send({
      to: user.email,
      subject: 'Reset your Resona password',
      text: `Hello ${user.displayName},\n\nSet a new password by opening this link (it works once, for 1 hour):\n${this.link('reset-password', token)}\n\nSetting a new password signs you out everywhere. If you did not ask for this, ignore this mail.`,
    });
  }

  link(path: string, token: string) {
    return `${this.services.publicAppUrl}/${path}?token=${encodeURIComponent(token)}`;
  }
}
