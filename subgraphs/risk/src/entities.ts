import { EntitySchema } from '@mikro-orm/postgresql';

export type RiskLevel = 'NONE' | 'LOW' | 'MODERATE' | 'HIGH' | 'IMMINENT';
/** Lowest first: a level's index is its severity. */
export const RISK_LEVELS: readonly RiskLevel[] = ['NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT'];

export interface RiskSignal {
  code: string;
  /** 0..1. */
  weight: number;
  detail: string | null;
}

export interface RiskAssessment {
  id: string;
  userId: string;
  /** The conversation message this assessment was made for (unique); null outside a turn. */
  messageId: string | null;
  level: RiskLevel;
  /** 0..1. */
  score: number;
  signals: RiskSignal[];
  createdAt: Date;
}

/**
 * A HIGH or IMMINENT assessment raised for one clinic the person shares with. A row first, a
 * message second: a dashboard that missed the message finds it among the open alerts.
 */
export interface CrisisAlert {
  id: string;
  clinicId: string;
  /** The person the assessment is about. */
  userId: string;
  assessmentId: string;
  createdAt: Date;
  /** Null while open. */
  acknowledgedAt: Date | null;
  /** The clinician who took it on. */
  acknowledgedBy: string | null;
}

/** An alert as resolvers see it: from the database, or from an event that carries its assessment. */
export type CrisisAlertModel = CrisisAlert & { assessment?: RiskAssessment };

/** A `User` as this subgraph knows it: only its key. */
export interface UserRef {
  id: string;
}

/** A `Clinic` (owned by identity) as this subgraph knows it: only its key. */
export interface ClinicRef {
  id: string;
}

/** A `Message` (owned by conversation) as this subgraph knows it: only its key. */
export interface MessageRef {
  id: string;
}

export const RiskAssessmentEntity = new EntitySchema<RiskAssessment>({
  name: 'RiskAssessment',
  tableName: 'risk_assessment',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    messageId: { type: 'uuid', nullable: true, unique: true },
    level: { type: 'string' },
    score: { type: 'double' },
    signals: { type: 'json' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const CrisisAlertEntity = new EntitySchema<CrisisAlert>({
  name: 'CrisisAlert',
  tableName: 'crisis_alert',
  properties: {
    id: { type: 'uuid', primary: true },
    clinicId: { type: 'uuid' },
    userId: { type: 'uuid' },
    assessmentId: { type: 'uuid' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
    acknowledgedAt: { type: 'Date', nullable: true },
    acknowledgedBy: { type: 'uuid', nullable: true },
  },
});

export const entities = [RiskAssessmentEntity, CrisisAlertEntity];
