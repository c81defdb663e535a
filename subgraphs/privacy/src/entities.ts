import { EntitySchema } from '@mikro-orm/postgresql';

export type ConsentType = 'VOICE_PROCESSING' | 'EMOTION_ANALYSIS' | 'EXTERNAL_AI' | 'CLINIC_SHARING' | 'RESEARCH';

/** One versioned consent record. A new grant is a new row; a revoke only sets `granted=false, revokedAt`. */
export interface Consent {
  id: string;
  userId: string;
  type: ConsentType;
  /** Only for CLINIC_SHARING. */
  clinicId: string | null;
  policyVersion: string;
  granted: boolean;
  grantedAt: Date;
  revokedAt: Date | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

/** An entity this subgraph only references by key (`User`, `Clinic`). */
export interface EntityRef {
  id: string;
}

export const ConsentEntity = new EntitySchema<Consent>({
  name: 'Consent',
  tableName: 'consent',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    type: { type: 'string' },
    clinicId: { type: 'uuid', nullable: true },
    policyVersion: { type: 'string' },
    granted: { type: 'boolean' },
    grantedAt: { type: 'Date' },
    revokedAt: { type: 'Date', nullable: true },
    ipAddress: { type: 'string', nullable: true },
    userAgent: { type: 'string', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const entities = [ConsentEntity];
