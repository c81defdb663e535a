import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, auditEntry, type AuditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';

/**
 * What identity's audit records are called (`audit_log.action`). Stable strings: the log outlives
 * the code that wrote it. Reads by clinicians and partner keys are the shared `READ`.
 */
export const IdentityAuditAction = {
  /** A password was set through a reset link (every session ended with it). */
  PASSWORD_RESET: 'PASSWORD_RESET',
  MFA_ENABLED: 'MFA_ENABLED',
  MFA_DISABLED: 'MFA_DISABLED',
  API_KEY_CREATED: 'API_KEY_CREATED',
  API_KEY_ROTATED: 'API_KEY_ROTATED',
  API_KEY_REVOKED: 'API_KEY_REVOKED',
  CLINIC_CREATED: 'CLINIC_CREATED',
  /** An invitation to a clinic was mailed (detail has the SHA-256 of the address, never the address). */
  INVITATION_SENT: 'INVITATION_SENT',
  INVITATION_ACCEPTED: 'INVITATION_ACCEPTED',
  /** An account's roles (and clinic) changed; detail `{ from, to, clinicId }`. */
  ROLES_CHANGED: 'ROLES_CHANGED',
} as const;
export type IdentityAuditAction = (typeof IdentityAuditAction)[keyof typeof IdentityAuditAction];

type AuditFields = Partial<Pick<AuditEntry, 'subjectUserId' | 'resourceType' | 'resourceId' | 'detail'>>;

/**
 * Writes identity's sensitive changes to its `audit_log`, as the principal the gateway vouched for
 * (a reset link or an invitation is used by an anonymous caller: the subject says whose account).
 * Always inside the change's own transaction.
 */
export class AuditTrail {
  constructor(private readonly actor: Principal) {}

  record(tx: EntityManager, action: IdentityAuditAction, fields: AuditFields = {}): Promise<void> {
    if (!tx.isInTransaction()) throw new Error(`audit record ${action} must be written in the change's transaction`);
    return appendAudit(tx, [auditEntry(this.actor, { action, ...fields })]);
  }
}
