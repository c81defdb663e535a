import { anonymousPrincipal, type Principal, type Role } from '@resona/auth';

export const anonymous = (): Principal => anonymousPrincipal({ requestId: 'test' });
export const asUser = (userId: string, roles: Role[] = ['PATIENT'], clinicId: string | null = null): Principal =>
  anonymousPrincipal({ kind: 'user', userId, roles, clinicId, ip: '127.0.0.1', userAgent: 'jest', requestId: 'test' });
export const asService = (): Principal => anonymousPrincipal({ kind: 'service', requestId: 'test' });
