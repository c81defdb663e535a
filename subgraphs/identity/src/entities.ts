import { EntitySchema } from '@mikro-orm/postgresql';
import type { Role } from '@resona/auth';

export type Language = 'EN' | 'SW' | 'MIXED';

export interface User {
  id: string;
  /** Lower-cased and trimmed; unique. */
  email: string;
  passwordHash: string;
  displayName: string;
  preferredLanguage: Language;
  roles: Role[];
  clinicId: string | null;
  emailVerified: boolean;
  /** A confirmed TOTP secret (or one being enrolled while `mfaEnabled` is false). */
  mfaEnabled: boolean;
  /** The TOTP secret, sealed (AES-256-GCM) under the key-encryption key `totpKekVersion`. */
  totpSecret: Buffer | null;
  totpKekVersion: number | null;
  /** The TOTP time step last accepted, so a code works once. */
  totpLastCounter: number | null;
  createdAt: Date;
}

export interface Clinic {
  id: string;
  name: string;
  createdAt: Date;
}

/** One refresh token; tokens of one login share a `familyId` (a session). */
export interface RefreshToken {
  id: string;
  familyId: string;
  userId: string;
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  /** The session proved a second factor at login; refreshes keep it. */
  mfa: boolean;
  createdAt: Date;
}

export type OneTimeTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'INVITATION';

/** A single-use, expiring token sent by mail (verification, reset, invitation). */
export interface OneTimeToken {
  id: string;
  purpose: OneTimeTokenPurpose;
  /** SHA-256 of the token. */
  tokenHash: string;
  userId: string | null;
  email: string;
  /** For invitations: `{ role, clinicId }`. */
  detail: Record<string, unknown> | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface RecoveryCode {
  id: string;
  userId: string;
  /** SHA-256 of the code (codes are 80 random bits). */
  codeHash: string;
  usedAt: Date | null;
  createdAt: Date;
}

export type SecurityEventType =
  | 'FAILED_LOGIN'
  | 'LOCKOUT'
  | 'REFRESH_TOKEN_REUSE'
  | 'PASSWORD_RESET'
  | 'MFA_ENABLED'
  | 'MFA_DISABLED'
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'API_KEY_ROTATED';

export interface SecurityEvent {
  id: string;
  type: SecurityEventType;
  userId: string | null;
  emailHash: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
  createdAt: Date;
}

/** A social login in progress: what the callback needs, looked up by the state's hash. */
export interface OidcLogin {
  id: string;
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  /** Set when the provider answered but the account still needs its second factor. */
  userId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

/** An account at an OpenID Connect provider linked to a Resona account. */
export interface UserIdentity {
  id: string;
  issuer: string;
  subject: string;
  userId: string;
  createdAt: Date;
}

export interface ApiKey {
  id: string;
  clinicId: string;
  name: string;
  /** As in the principal: `risk:read`, `emotion:read`, `alerts:subscribe`. */
  scopes: string[];
  /** 8 hex characters, unique: finds the key; the rest is checked by hash. */
  prefix: string;
  /** SHA-256 (hex) of the whole key `rsk_<prefix>_<secret>`. */
  secretHash: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', unique: true },
    passwordHash: { type: 'string' },
    displayName: { type: 'string' },
    preferredLanguage: { type: 'string' },
    roles: { type: 'string[]' },
    clinicId: { type: 'uuid', nullable: true },
    emailVerified: { type: 'boolean', default: false },
    mfaEnabled: { type: 'boolean', default: false },
    totpSecret: { type: 'blob', nullable: true, lazy: false },
    totpKekVersion: { type: 'integer', nullable: true },
    totpLastCounter: { type: 'integer', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const ClinicEntity = new EntitySchema<Clinic>({
  name: 'Clinic',
  tableName: 'clinic',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const RefreshTokenEntity = new EntitySchema<RefreshToken>({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: { type: 'uuid', primary: true },
    familyId: { type: 'uuid' },
    userId: { type: 'uuid' },
    tokenHash: { type: 'string', unique: true },
    expiresAt: { type: 'Date' },
    usedAt: { type: 'Date', nullable: true },
    revokedAt: { type: 'Date', nullable: true },
    mfa: { type: 'boolean', default: false },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const OneTimeTokenEntity = new EntitySchema<OneTimeToken>({
  name: 'OneTimeToken',
  tableName: 'one_time_token',
  properties: {
    id: { type: 'uuid', primary: true },
    purpose: { type: 'string' },
    tokenHash: { type: 'string', unique: true },
    userId: { type: 'uuid', nullable: true },
    email: { type: 'string' },
    detail: { type: 'json', nullable: true },
    expiresAt: { type: 'Date' },
    usedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const RecoveryCodeEntity = new EntitySchema<RecoveryCode>({
  name: 'RecoveryCode',
  tableName: 'recovery_code',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    codeHash: { type: 'string' },
    usedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const SecurityEventEntity = new EntitySchema<SecurityEvent>({
  name: 'SecurityEvent',
  tableName: 'security_event',
  properties: {
    id: { type: 'uuid', primary: true },
    type: { type: 'string' },
    userId: { type: 'uuid', nullable: true },
    emailHash: { type: 'string', nullable: true },
    ip: { type: 'string', nullable: true },
    userAgent: { type: 'string', nullable: true },
    detail: { type: 'json', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const OidcLoginEntity = new EntitySchema<OidcLogin>({
  name: 'OidcLogin',
  tableName: 'oidc_login',
  properties: {
    id: { type: 'uuid', primary: true },
    stateHash: { type: 'string', unique: true },
    nonce: { type: 'string' },
    codeVerifier: { type: 'string' },
    userId: { type: 'uuid', nullable: true },
    expiresAt: { type: 'Date' },
    usedAt: { type: 'Date', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const UserIdentityEntity = new EntitySchema<UserIdentity>({
  name: 'UserIdentity',
  tableName: 'user_identity',
  properties: {
    id: { type: 'uuid', primary: true },
    issuer: { type: 'string' },
    subject: { type: 'string' },
    userId: { type: 'uuid' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const ApiKeyEntity = new EntitySchema<ApiKey>({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: { type: 'uuid', primary: true },
    clinicId: { type: 'uuid' },
    name: { type: 'string' },
    scopes: { type: 'string[]' },
    prefix: { type: 'string', unique: true },
    secretHash: { type: 'string' },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
    expiresAt: { type: 'Date', nullable: true },
    revokedAt: { type: 'Date', nullable: true },
    lastUsedAt: { type: 'Date', nullable: true },
  },
});

export const entities = [
  UserEntity,
  ClinicEntity,
  RefreshTokenEntity,
  OneTimeTokenEntity,
  RecoveryCodeEntity,
  SecurityEventEntity,
  OidcLoginEntity,
  UserIdentityEntity,
  ApiKeyEntity,
];
