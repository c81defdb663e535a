import { anonymousPrincipal, type Principal, type Role } from '@resona/auth';

export const anonymous = (): Principal => anonymousPrincipal({ requestId: 'test' });

export interface UserOptions {
  /** The person proved a second factor at login (clinicians need it for patient data). Default false. */
  mfa?: boolean;
  requestId?: string;
}

export const asUser = (userId: string, roles: Role[] = ['PATIENT'], clinicId: string | null = null, options: UserOptions = {}): Principal =>
  anonymousPrincipal({
    kind: 'user',
    userId,
    roles,
    clinicId,
    mfa: options.mfa ?? false,
    ip: '127.0.0.1',
    userAgent: 'jest',
    requestId: options.requestId ?? 'test',
  });

/** A clinician of `clinicId`, with MFA unless told otherwise. */
export const asClinician = (userId: string, clinicId: string, options: UserOptions & { role?: 'CLINICIAN' | 'CLINIC_ADMIN' } = {}): Principal =>
  asUser(userId, [options.role ?? 'CLINICIAN'], clinicId, { mfa: true, ...options });

/** A partner clinic's system, by API key (as the gateway vouches for it: kind `partner`). */
export const asPartner = (clinicId: string, scopes: string[], keyId = 'test-key'): Principal =>
  anonymousPrincipal({ kind: 'partner', clinicId, apiKey: { id: keyId, scopes }, ip: '127.0.0.1', userAgent: 'jest', requestId: 'test' });

export const asService = (): Principal => anonymousPrincipal({ kind: 'service', requestId: 'test' });
