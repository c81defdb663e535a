import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, appendAudit, auditEntry } from '@resona/audit';
import { anonymousPrincipal, type Principal } from '@resona/auth';
import type { Logger } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { Topic, type PubSub } from '@resona/pubsub';
import { ConsentEntity, type Consent, type ConsentType } from '../entities.js';
import { currentPolicy } from './policies.js';

export interface GrantInput {
  type: ConsentType;
  clinicId?: string | null;
  policyVersion: string;
}

/** What `Topic.consentRevoked(userId)` carries: streams that depended on the consent re-check and end. */
export interface ConsentRevokedEvent {
  consentId: string;
  type: ConsentType;
  clinicId: string | null;
}

/** Where a grant came from, recorded with it. */
export interface GrantOrigin {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Granular, versioned consent. Each grant is its own row and is never edited except to revoke it.
 *
 * Granting a type (and clinic) that is already active: under the current policy version the
 * active record is returned unchanged (so a replayed offline request changes nothing); under an
 * older version it is revoked and superseded by a new record, in one transaction.
 */
export class Consents {
  /**
   * @param actor who acts, for the audit log; default Resona itself (seeding, jobs).
   * @param events where revokes are announced (`Topic.consentRevoked`); default nowhere.
   */
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Principal = anonymousPrincipal({ kind: 'service' }),
    private readonly events?: { pubsub: PubSub; logger: Logger },
  ) {}

  /** The audit record of a change, written in the change's own transaction. */
  private audit(tx: EntityManager, action: string, consent: Consent) {
    return appendAudit(tx, [
      auditEntry(this.actor, {
        action,
        subjectUserId: consent.userId,
        resourceType: 'Consent',
        resourceId: consent.id,
        detail: { type: consent.type, clinicId: consent.clinicId, policyVersion: consent.policyVersion },
      }),
    ]);
  }

  async grant(userId: string, input: GrantInput, origin: GrantOrigin): Promise<Consent> {
    const policy = currentPolicy(input.type);
    if (input.policyVersion !== policy.version) {
      throw badUserInput(`policyVersion must be the current version of the ${input.type} policy (${policy.version}).`, 'policyVersion');
    }
    const clinicId = input.clinicId ?? null;
    if (input.type === 'CLINIC_SHARING') {
      if (!clinicId) throw badUserInput('clinicId is required to share with a clinic.', 'clinicId');
      if (!isUuid(clinicId)) throw badUserInput('clinicId is not a valid id.', 'clinicId');
    } else if (clinicId !== null) {
      throw badUserInput(`clinicId is only allowed for CLINIC_SHARING.`, 'clinicId');
    }

    const active = await this.active(userId, input.type, clinicId);
    if (active?.policyVersion === policy.version) return active;
    try {
      return await this.em.fork().transactional(async (tx) => {
        const now = new Date();
        if (active) await tx.nativeUpdate(ConsentEntity, { id: active.id, granted: true }, { granted: false, revokedAt: now });
        const consent = tx.create(ConsentEntity, {
          id: randomUUID(),
          userId,
          type: input.type,
          clinicId,
          policyVersion: policy.version,
          granted: true,
          grantedAt: now,
          revokedAt: null,
          ipAddress: origin.ip,
          userAgent: origin.userAgent,
          createdAt: now,
        });
        await tx.flush();
        if (active) await this.audit(tx, AuditAction.CONSENT_REVOKED, { ...active, granted: false, revokedAt: now });
        await this.audit(tx, AuditAction.CONSENT_GRANTED, consent);
        return consent;
      });
    } catch (error) {
      // A concurrent identical grant won the race: answer with it.
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await this.active(userId, input.type, clinicId);
        if (winner) return winner;
      }
      throw error;
    }
  }

  /** Withdraws the person's consent; a consent already withdrawn is returned as it is. */
  async revoke(userId: string, id: string): Promise<Consent> {
    if (!isUuid(id)) throw badUserInput('id is not a valid id.', 'id');
    const consent = await this.em.findOne(ConsentEntity, { id });
    // Someone else's consent looks exactly like a missing one.
    if (!consent || consent.userId !== userId) throw notFound('Consent not found.');
    if (consent.granted) {
      const revokedAt = new Date();
      const changed = await this.em.transactional(async (tx) => {
        // Only a grant still active is revoked, so a concurrent revoke records nothing twice.
        const changed = await tx.nativeUpdate(ConsentEntity, { id, granted: true }, { granted: false, revokedAt });
        if (changed) await this.audit(tx, AuditAction.CONSENT_REVOKED, consent);
        return changed;
      });
      consent.granted = false;
      consent.revokedAt = revokedAt;
      if (changed) await this.announceRevoked(consent);
    }
    return consent;
  }

  /**
   * After the revoke committed: live streams that depended on it re-check and end. At most once
   * (a lost message leaves a stream open, but every event of it is still checked against consent).
   */
  private async announceRevoked(consent: Consent) {
    if (!this.events) return;
    const event: ConsentRevokedEvent = { consentId: consent.id, type: consent.type, clinicId: consent.clinicId };
    await this.events.pubsub.publish(Topic.consentRevoked(consent.userId), event).catch((err: unknown) => {
      this.events!.logger.error({ err }, 'could not announce a revoked consent');
    });
  }

  private active(userId: string, type: ConsentType, clinicId: string | null): Promise<Consent | null> {
    return this.em.fork().findOne(ConsentEntity, { userId, type, clinicId, granted: true });
  }
}

/** Of `userIds`, those with an active CLINIC_SHARING consent for `clinicId` (invalid ids are simply absent). */
export async function activeClinicShares(em: EntityManager, clinicId: string, userIds: readonly string[]): Promise<string[]> {
  const valid = [...new Set(userIds.filter(isUuid))];
  if (!isUuid(clinicId) || valid.length === 0) return [];
  const rows = await em.find(ConsentEntity, { type: 'CLINIC_SHARING', clinicId, granted: true, userId: { $in: valid } }, { fields: ['userId'] });
  return [...new Set(rows.map((r) => r.userId))];
}

/** The clinics `userId` has an active CLINIC_SHARING consent for. */
export async function sharingClinics(em: EntityManager, userId: string): Promise<string[]> {
  if (!isUuid(userId)) return [];
  const rows = await em.find(ConsentEntity, { type: 'CLINIC_SHARING', userId, granted: true }, { fields: ['clinicId'], orderBy: { clinicId: 'asc' } });
  return [...new Set(rows.map((r) => r.clinicId!))];
}

/** The consent types `userId` has granted and not revoked. */
export async function grantedConsentTypes(em: EntityManager, userId: string): Promise<ConsentType[]> {
  if (!isUuid(userId)) return [];
  const rows = await em.find(ConsentEntity, { userId, granted: true }, { fields: ['type'] });
  return [...new Set(rows.map((r) => r.type))].sort();
}

/** Everyone with an active CLINIC_SHARING consent for `clinicId`. */
export async function clinicPatients(em: EntityManager, clinicId: string): Promise<string[]> {
  if (!isUuid(clinicId)) return [];
  const rows = await em.find(ConsentEntity, { type: 'CLINIC_SHARING', clinicId, granted: true }, { fields: ['userId'], orderBy: { userId: 'asc' } });
  return [...new Set(rows.map((r) => r.userId))];
}
