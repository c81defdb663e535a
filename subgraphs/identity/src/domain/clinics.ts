import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, hashPassword, type Principal } from '@resona/auth';
import { z } from '@resona/config';
import { badUserInput, forbidden } from '@resona/errors';
import { ClinicEntity, UserEntity, type Clinic, type Language } from '../entities.js';
import { checkNewAccount, normaliseEmail, type Accounts, type Session } from './accounts.js';
import { IdentityAuditAction, type AuditTrail } from './audit.js';
import { consumeToken, issueToken, peekToken } from './one-time-tokens.js';
import { sha256 } from './secrets.js';
import type { IdentityServices } from './services.js';

const clinicName = z.string().trim().min(2).max(120);
const INVITABLE_ROLES: Role[] = [Role.CLINICIAN, Role.CLINIC_ADMIN];

/** Clinics and their staff: admins create clinics; clinic admins (and admins) invite staff by mail. */
export class Clinics {
  constructor(
    private readonly em: EntityManager,
    private readonly services: IdentityServices,
    private readonly accounts: Accounts,
    private readonly audit: AuditTrail,
  ) {}

  async create(name: string): Promise<Clinic> {
    const parsed = clinicName.safeParse(name);
    if (!parsed.success) throw badUserInput('A clinic name is 2 to 120 characters.', 'name');
    return this.em.transactional(async (tx) => {
      const clinic = tx.create(ClinicEntity, { id: randomUUID(), name: parsed.data, createdAt: new Date() });
      await tx.flush();
      await this.audit.record(tx, IdentityAuditAction.CLINIC_CREATED, { resourceType: 'Clinic', resourceId: clinic.id, detail: { name: clinic.name } });
      return clinic;
    });
  }

  /**
   * Mails a single-use invitation (7 days). A CLINIC_ADMIN invites to their own clinic; an ADMIN
   * names the clinic.
   */
  async invite(inviter: Principal, input: { email: string; role: Role; clinicId?: string | null }): Promise<boolean> {
    if (!INVITABLE_ROLES.includes(input.role)) throw badUserInput('Invite a CLINICIAN or a CLINIC_ADMIN.', 'role');
    const isAdmin = inviter.roles.includes(Role.ADMIN);
    const clinicId = isAdmin ? input.clinicId : inviter.clinicId;
    if (!clinicId) throw isAdmin ? badUserInput('Name the clinic to invite to.', 'clinicId') : forbidden();
    const clinic = await this.em.findOne(ClinicEntity, { id: clinicId });
    if (!clinic) throw badUserInput('There is no such clinic.', 'clinicId');
    const address = normaliseEmail(input.email);
    if (!z.email().safeParse(address).success) throw badUserInput('Enter a valid email address.', 'email');
    // The token and its audit record commit together, and only once the mail is handed over (a mail
    // that fails leaves no invitation behind). The audit lock is taken after the mail, so a slow
    // mail server never holds up other audited changes.
    await this.em.transactional(async (tx) => {
      const token = await issueToken(tx, 'INVITATION', { email: address, userId: null, detail: { role: input.role, clinicId, invitedBy: inviter.userId } });
      await this.services.mailer.send({
        to: address,
        subject: `You are invited to ${clinic.name} on Resona`,
        text: `Hello,\n\nYou are invited to join ${clinic.name} on Resona as ${input.role === Role.CLINIC_ADMIN ? 'a clinic administrator' : 'a clinician'}.\nCreate your account by opening this link (it works once, for 7 days):\n${this.accounts.link('accept-invitation', token)}\n`,
      });
      // The audit log cannot be erased: it keeps a digest of the address, never the address.
      await this.audit.record(tx, IdentityAuditAction.INVITATION_SENT, {
        resourceType: 'Clinic',
        resourceId: clinicId,
        detail: { role: input.role, emailHash: sha256(address) },
      });
    });
    return true;
  }

  /** Creates the invited person's account with the role and clinic (new accounts only) and signs them in. */
  async accept(input: { token: string; password: string; displayName: string; preferredLanguage?: Language | null }): Promise<Session> {
    const invitation = await peekToken(this.em, 'INVITATION', input.token);
    const { name } = checkNewAccount({ email: invitation.email, password: input.password, displayName: input.displayName });
    if (await this.em.findOne(UserEntity, { email: invitation.email })) {
      throw badUserInput('An account with this email exists already; invitations create new accounts only.', 'token');
    }
    const detail = invitation.detail as { role: Role; clinicId: string; invitedBy?: string | null };
    const passwordHash = await hashPassword(input.password);
    const user = await this.em.transactional(async (tx) => {
      await consumeToken(tx, 'INVITATION', input.token);
      const created = await this.accounts.createUser(
        {
          email: invitation.email,
          passwordHash,
          displayName: name,
          preferredLanguage: input.preferredLanguage ?? 'EN',
          roles: [detail.role],
          clinicId: detail.clinicId,
          emailVerified: true, // the invitation reached this mailbox
        },
        tx,
      );
      const about = { subjectUserId: created.id, resourceType: 'User', resourceId: created.id };
      await this.audit.record(tx, IdentityAuditAction.INVITATION_ACCEPTED, {
        ...about,
        detail: { clinicId: detail.clinicId, role: detail.role, invitedBy: detail.invitedBy ?? null },
      });
      await this.audit.record(tx, IdentityAuditAction.ROLES_CHANGED, { ...about, detail: { from: [], to: created.roles, clinicId: created.clinicId } });
      return created;
    });
    return this.accounts.openSession(user);
  }
}
