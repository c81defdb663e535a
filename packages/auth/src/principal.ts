/** The four roles a person can hold. */
export const Role = {
  PATIENT: 'PATIENT',
  CLINICIAN: 'CLINICIAN',
  CLINIC_ADMIN: 'CLINIC_ADMIN',
  ADMIN: 'ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/**
 * Who a subgraph is serving, as the gateway vouched for it in the internal token.
 * - `user`: a signed-in person.
 * - `anonymous`: a public caller (may only register, log in, read policies).
 * - `partner`: a partner clinic's system, by API key (`clinicId` and `apiKey` set, no `userId`).
 * - `service`: Resona itself (internal calls, export and erasure jobs), never a client.
 */
export interface Principal {
  kind: 'user' | 'anonymous' | 'partner' | 'service';
  userId: string | null;
  roles: Role[];
  clinicId: string | null;
  /** The person proved a second factor (TOTP) at login. Clinicians need it to read patient data. */
  mfa: boolean;
  /** For a partner clinic's API key: the key's id and scopes (e.g. `risk:read`). */
  apiKey?: { id: string; scopes: string[] } | null;
  /** Client address and user agent as the gateway saw them (for consent records and the audit log). */
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const anonymousPrincipal = (extra: Partial<Principal> = {}): Principal => ({
  kind: 'anonymous',
  userId: null,
  roles: [],
  clinicId: null,
  mfa: false,
  apiKey: null,
  ip: null,
  userAgent: null,
  requestId: null,
  ...extra,
});
