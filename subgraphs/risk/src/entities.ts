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
export type CrisisAlertModel = CrisisAlert & { assessment?: RiskAssessment; escalationId?: string | null };

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

export type EscalationState = 'OPEN' | 'ACKNOWLEDGED' | 'CONTACTED' | 'RESOLVED' | 'ESCALATED_EMERGENCY';

/** One step in an escalation's life. */
export interface EscalationEvent {
  kind: 'TRANSITION' | 'REMINDER';
  from: EscalationState | null;
  to: EscalationState;
  at: string;
  /** The clinician; null for the system. */
  by: string | null;
  note: string | null;
}

/** A HIGH or IMMINENT assessment's call to act (one per assessment, shared by the clinics alerted). */
export interface CrisisEscalation {
  id: string;
  assessmentId: string;
  userId: string;
  level: RiskLevel;
  state: EscalationState;
  /** The clinics alerted (the on-call clinic when the person shares with none). */
  clinicIds: string[];
  onCall: boolean;
  history: EscalationEvent[];
  reminders: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ReviewStatus = 'PENDING' | 'CONFIRMED' | 'CORRECTED';

/** A borderline assessment for a clinician to confirm or correct; a correction is a labelled example. */
export interface ReviewItem {
  id: string;
  assessmentId: string;
  userId: string;
  reasons: string[];
  status: ReviewStatus;
  /** The level the detector gave, kept with the label. */
  detectedLevel: RiskLevel;
  reviewedLevel: RiskLevel | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  note: string | null;
  createdAt: Date;
}

export const CrisisEscalationEntity = new EntitySchema<CrisisEscalation>({
  name: 'CrisisEscalation',
  tableName: 'crisis_escalation',
  properties: {
    id: { type: 'uuid', primary: true },
    assessmentId: { type: 'uuid', unique: true },
    userId: { type: 'uuid' },
    level: { type: 'string' },
    state: { type: 'string' },
    clinicIds: { type: 'json' },
    onCall: { type: 'boolean' },
    history: { type: 'json' },
    reminders: { type: 'integer' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
    updatedAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const ReviewItemEntity = new EntitySchema<ReviewItem>({
  name: 'ReviewItem',
  tableName: 'review_item',
  properties: {
    id: { type: 'uuid', primary: true },
    assessmentId: { type: 'uuid', unique: true },
    userId: { type: 'uuid' },
    reasons: { type: 'json' },
    status: { type: 'string' },
    detectedLevel: { type: 'string' },
    reviewedLevel: { type: 'string', nullable: true },
    reviewedBy: { type: 'uuid', nullable: true },
    reviewedAt: { type: 'Date', nullable: true },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const entities = [RiskAssessmentEntity, CrisisAlertEntity, CrisisEscalationEntity, ReviewItemEntity];
