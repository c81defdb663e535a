import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Secret, TOTP } from 'otpauth';
import type { KeyRing } from '@resona/crypto';
import { badUserInput } from '@resona/errors';
import { RecoveryCodeEntity, UserEntity, type User } from '../entities.js';
import { IdentityAuditAction, type AuditTrail } from './audit.js';
import type { SecurityEvents } from './security-events.js';
import { sha256 } from './secrets.js';

/** How many recovery codes confirmation hands out. */
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Resona';

export interface SecondFactor {
  totpCode?: string | null;
  recoveryCode?: string | null;
}

/** 80 random bits as `xxxxx-xxxxx-xxxxx-xxxxx` (hex). */
const newRecoveryCode = () => randomBytes(10).toString('hex').match(/.{5}/g)!.join('-');
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^0-9a-f]/g, '');

/**
 * TOTP second factor (RFC 6238 via `otpauth`): enrolment, confirmation, verification (each code
 * works once) and single-use recovery codes. The secret is stored sealed under the KEK.
 */
export class Mfa {
  constructor(
    private readonly em: EntityManager,
    private readonly keyRing: KeyRing,
    private readonly events: SecurityEvents,
    private readonly audit: AuditTrail,
  ) {}

  async enroll(user: User): Promise<{ otpauthUri: string; secret: string }> {
    if (user.mfaEnabled) throw badUserInput('Two-step sign-in is already on. Turn it off first to enrol a new device.');
    const secret = new Secret({ size: 20 });
    const { kekVersion, wrapped } = this.keyRing.wrap(Buffer.from(secret.bytes), this.context(user));
    user.totpSecret = wrapped;
    user.totpKekVersion = kekVersion;
    user.totpLastCounter = null;
    await this.em.flush();
    return { otpauthUri: this.totp(user, secret).toString(), secret: secret.base32 };
  }

  async confirm(user: User, code: string): Promise<string[]> {
    if (user.mfaEnabled) throw badUserInput('Two-step sign-in is already on.');
    if (!user.totpSecret) throw badUserInput('Start enrolment first.');
    if (!(await this.checkTotp(user, code))) throw badUserInput('That code is not right. Check the time on your phone and try again.', 'code');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.em.transactional(async (tx) => {
      await tx.nativeDelete(RecoveryCodeEntity, { userId: user.id });
      for (const code of codes) {
        tx.create(RecoveryCodeEntity, { id: randomUUID(), userId: user.id, codeHash: sha256(normaliseRecoveryCode(code)), usedAt: null, createdAt: new Date() });
      }
      user.mfaEnabled = true;
      await tx.flush();
      await this.events.record('MFA_ENABLED', { userId: user.id }, tx);
      await this.audit.record(tx, IdentityAuditAction.MFA_ENABLED, { subjectUserId: user.id, resourceType: 'User', resourceId: user.id });
    });
    return codes;
  }

  async disable(user: User, code: string): Promise<boolean> {
    if (!user.mfaEnabled) throw badUserInput('Two-step sign-in is not on.');
    if (!(await this.verify(user, { totpCode: code, recoveryCode: code }))) throw badUserInput('That code is not right.', 'code');
    await this.em.transactional(async (tx) => {
      await tx.nativeDelete(RecoveryCodeEntity, { userId: user.id });
      user.mfaEnabled = false;
      user.totpSecret = null;
      user.totpKekVersion = null;
      user.totpLastCounter = null;
      await tx.flush();
      await this.events.record('MFA_DISABLED', { userId: user.id }, tx);
      await this.audit.record(tx, IdentityAuditAction.MFA_DISABLED, { subjectUserId: user.id, resourceType: 'User', resourceId: user.id });
    });
    return true;
  }

  /** True when a current TOTP code or an unused recovery code is given; either is used up. */
  async verify(user: User, factor: SecondFactor): Promise<boolean> {
    if (!user.mfaEnabled) return false;
    if (factor.totpCode && (await this.checkTotp(user, factor.totpCode))) return true;
    if (factor.recoveryCode) {
      const used = await this.em.nativeUpdate(
        RecoveryCodeEntity,
        { userId: user.id, codeHash: sha256(normaliseRecoveryCode(factor.recoveryCode)), usedAt: null },
        { usedAt: new Date() },
      );
      return used === 1;
    }
    return false;
  }

  /** Accepts the current code (±1 step of 30 s), each time step once, even under concurrent requests. */
  private async checkTotp(user: User, code: string): Promise<boolean> {
    if (!user.totpSecret || user.totpKekVersion == null || !/^\d{6}$/.test(code.trim())) return false;
    const secret = new Secret({ buffer: new Uint8Array(this.keyRing.unwrap(user.totpKekVersion, user.totpSecret, this.context(user))).buffer });
    const totp = this.totp(user, secret);
    const delta = totp.validate({ token: code.trim(), window: 1 });
    if (delta === null) return false;
    const counter = totp.counter() + delta;
    const claimed = await this.em.nativeUpdate(
      UserEntity,
      { id: user.id, $or: [{ totpLastCounter: null }, { totpLastCounter: { $lt: counter } }] },
      { totpLastCounter: counter },
    );
    if (claimed !== 1) return false;
    user.totpLastCounter = counter;
    return true;
  }

  private totp(user: User, secret: Secret) {
    return new TOTP({ issuer: ISSUER, label: user.email, algorithm: 'SHA1', digits: 6, period: 30, secret });
  }

  private context(user: User) {
    return `identity:totp:${user.id}`;
  }
}
