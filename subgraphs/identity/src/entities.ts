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
  createdAt: Date;
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
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const entities = [UserEntity, ClinicEntity, RefreshTokenEntity];
