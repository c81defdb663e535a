import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RiskAssessment as RiskAssessmentModel, CrisisAlertModel as CrisisAlertModelModel, CrisisEscalation as CrisisEscalationModel, ReviewItem as ReviewItemModel, ClinicRef as ClinicRefModel, UserRef as UserRefModel, MessageRef as MessageRefModel } from '../entities.js';
import type { ReviewedItem as ReviewedItemModel } from '../domain/review.js';
import type { RiskContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What the conversation engine knows about one message; everything but userId, messageId and text is optional. */
export type AssessMessageInput = {
  /** Standard deviations from the person's own baseline, toward distress. */
  baselineDeviation?: InputMaybe<Scalars['Float']['input']>;
  /** 0..1: how much the voice disagrees with the words. */
  dissonance?: InputMaybe<Scalars['Float']['input']>;
  /** The emotion reading's label (SAD, FEAR, …) and its confidence 0..1. */
  emotion?: InputMaybe<Scalars['String']['input']>;
  emotionConfidence?: InputMaybe<Scalars['Float']['input']>;
  /** The person consented to EXTERNAL_AI: the optional LLM layer may see the message, PII masked. */
  externalAiConsent?: InputMaybe<Scalars['Boolean']['input']>;
  /** EN, SW, MIXED or a BCP 47 tag; a hint only (the lexicon reads every language). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** One assessment per message: assessing it again returns the first. */
  messageId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type Clinic = {
  __typename?: 'Clinic';
  id: Scalars['ID']['output'];
};

/** A HIGH or IMMINENT assessment of a person who shares with a clinic: that clinic's call to act. One per clinic. */
export type CrisisAlert = {
  __typename?: 'CrisisAlert';
  /** When a clinician of the clinic took it on; null while open. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  acknowledgedBy?: Maybe<User>;
  assessment: RiskAssessment;
  /** The clinic alerted. */
  clinic: Clinic;
  createdAt: Scalars['DateTime']['output'];
  /** Pass to crisisAlerts(after:) to resume after this alert. */
  cursor: Scalars['String']['output'];
  /** The escalation this alert belongs to (its state is shared by every clinic alerted). */
  escalation?: Maybe<CrisisEscalation>;
  id: Scalars['ID']['output'];
};

/** A HIGH or IMMINENT assessment's call to act, shared by every clinic the person shares with (or the service's on-call clinicians when there is none). */
export type CrisisEscalation = {
  __typename?: 'CrisisEscalation';
  assessment: RiskAssessment;
  /** The clinics alerted. */
  clinics: Array<Clinic>;
  createdAt: Scalars['DateTime']['output'];
  /** Transitions and reminders, oldest first. */
  history: Array<EscalationEvent>;
  id: Scalars['ID']['output'];
  level: RiskLevel;
  /** True when the person shares with no clinic and the service's own on-call clinicians were alerted. */
  onCall: Scalars['Boolean']['output'];
  /** Reminders sent because the escalation stayed unacknowledged (IMMINENT after ESCALATION_REMINDER_MS, HIGH after ESCALATION_HIGH_REMINDER_MS). */
  reminders: Scalars['Int']['output'];
  state: EscalationState;
  updatedAt: Scalars['DateTime']['output'];
  user: User;
};

/** One step in an escalation's life: a transition, or a reminder sent because nobody acknowledged. */
export type EscalationEvent = {
  __typename?: 'EscalationEvent';
  at: Scalars['DateTime']['output'];
  /** The clinician who made the transition; null for the system (reminders). */
  by?: Maybe<User>;
  from?: Maybe<EscalationState>;
  /** TRANSITION or REMINDER. */
  kind: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  to: EscalationState;
};

/** Where a crisis stands. OPEN → ACKNOWLEDGED → CONTACTED → RESOLVED; ESCALATED_EMERGENCY from any open state. */
export type EscalationState =
  | 'ACKNOWLEDGED'
  | 'CONTACTED'
  | 'ESCALATED_EMERGENCY'
  | 'OPEN'
  | 'RESOLVED';

export type Message = {
  __typename?: 'Message';
  id: Scalars['ID']['output'];
  /** The assessment made for this message; null until made. */
  risk?: Maybe<RiskAssessment>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Clinicians (with MFA) of the alert's clinic: take the alert on. Acknowledging twice returns it unchanged. */
  acknowledgeCrisisAlert: CrisisAlert;
  /** Service only (conversation's voice turn): assesses a message (lexicon, signals, optional LLM), stores it with the signals that explain it, and for HIGH or IMMINENT opens an escalation and alerts in the same transaction. Idempotent per messageId. */
  assessMessage: RiskAssessment;
  /** Service only (internal): stores an assessment; HIGH or IMMINENT raises an alert for every clinic the person shares with. */
  recordRiskAssessment: RiskAssessment;
  /** Clinicians (with MFA) allowed to see the item: confirm (same level) or correct a borderline assessment. */
  reviewAssessment: ReviewItem;
  /** Clinicians (with MFA) of a clinic the person shares with (or of the on-call clinic): move an escalation on. Invalid transitions are BAD_USER_INPUT. */
  transitionEscalation: CrisisEscalation;
};


export type MutationAcknowledgeCrisisAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAssessMessageArgs = {
  input: AssessMessageInput;
};


export type MutationRecordRiskAssessmentArgs = {
  input: RecordRiskAssessmentInput;
};


export type MutationReviewAssessmentArgs = {
  id: Scalars['ID']['input'];
  level: RiskLevel;
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationTransitionEscalationArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  to: EscalationState;
};

export type Query = {
  __typename?: 'Query';
  /** Clinicians (with MFA) of a clinic the person shares with (or of the on-call clinic): one escalation. */
  escalation?: Maybe<CrisisEscalation>;
  /** Clinicians (with MFA) and partner keys (alerts:subscribe) of the clinic: its alerts not yet acknowledged, newest first. How a dashboard catches up. */
  openCrisisAlerts: Array<CrisisAlert>;
  /** Clinicians (with MFA) of the clinic: its escalations not yet resolved, newest first. */
  openEscalations: Array<CrisisEscalation>;
  /** Clinicians (with MFA) of the clinic: borderline assessments of people sharing with it (or, for the on-call clinic, of people sharing with none), oldest first. */
  reviewQueue: Array<ReviewItem>;
  /** Service only (the crisis-corrections export): reviewed items of conversation messages, reviewed at or after since, oldest review first (then by id); first 1 to 100. */
  reviewedItems: Array<ReviewedItem>;
};


export type QueryEscalationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOpenCrisisAlertsArgs = {
  clinicId: Scalars['ID']['input'];
};


export type QueryOpenEscalationsArgs = {
  clinicId: Scalars['ID']['input'];
};


export type QueryReviewQueueArgs = {
  clinicId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReviewedItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

export type RecordRiskAssessmentInput = {
  /** Default: the score's band; may raise the level above the band, never lower it. */
  level?: InputMaybe<RiskLevel>;
  /** The conversation message assessed; one assessment per message (recording it again returns the first). */
  messageId?: InputMaybe<Scalars['ID']['input']>;
  /** 0..1. */
  score: Scalars['Float']['input'];
  signals: Array<RiskSignalInput>;
  userId: Scalars['ID']['input'];
};

/** A borderline assessment waiting for a clinician to confirm or correct it. Corrections are kept as labelled data. */
export type ReviewItem = {
  __typename?: 'ReviewItem';
  assessment: RiskAssessment;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  reasons: Array<ReviewReason>;
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  reviewedBy?: Maybe<User>;
  /** The level the clinician gave (equal to the assessment's when confirmed). */
  reviewedLevel?: Maybe<RiskLevel>;
  status: ReviewStatus;
};

/** Why an assessment was put in front of a clinician. */
export type ReviewReason =
  /** The learned layer (a text model trained on many writers' labelled messages; the risk README's model card) raised the level above the rules': to MODERATE or to HIGH. */
  | 'LEARNED_MODEL'
  | 'LLM_DISAGREES'
  /** Every MODERATE assessment: the detector misses crises phrased in ways it does not know, so a human reads the ones it rates just below an alert. */
  | 'MODERATE_RISK'
  | 'NEAR_THRESHOLD'
  | 'NEGATED_WITH_DISTRESS'
  | 'SIGNALS_DISAGREE'
  | 'UNCLEAR_CRISIS_WORD';

export type ReviewStatus =
  | 'CONFIRMED'
  | 'CORRECTED'
  | 'PENDING';

/**
 * A clinician's review of an assessment of a conversation message: one labelled example for
 * retraining the detector. Service only; the message text stays in conversation.
 */
export type ReviewedItem = {
  __typename?: 'ReviewedItem';
  /** Pass as after for the next page. */
  cursor: Scalars['String']['output'];
  /** The level the detector gave. */
  detectedLevel: RiskLevel;
  /** The conversation message assessed (conversation's anonymisedMessages gives its text). */
  messageId: Scalars['ID']['output'];
  reviewItemId: Scalars['ID']['output'];
  reviewedAt: Scalars['DateTime']['output'];
  /** The level the clinician gave: the label. */
  reviewedLevel: RiskLevel;
  userId: Scalars['ID']['output'];
};

/** How at risk a person seemed at one moment. */
export type RiskAssessment = {
  __typename?: 'RiskAssessment';
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['String']['output'];
  /** The escalation opened for this assessment (HIGH and IMMINENT only). */
  escalation?: Maybe<CrisisEscalation>;
  id: Scalars['ID']['output'];
  level: RiskLevel;
  /** 0..1. */
  score: Scalars['Float']['output'];
  signals: Array<RiskSignal>;
  user: User;
};

/** How likely a person is to be in danger, lowest first. */
export type RiskLevel =
  | 'HIGH'
  | 'IMMINENT'
  | 'LOW'
  | 'MODERATE'
  | 'NONE';

/** One thing that raised (or lowered) an assessment's score. */
export type RiskSignal = {
  __typename?: 'RiskSignal';
  /** Stable machine code, e.g. HOPELESSNESS, NEGATIVE_AFFECT. */
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  /** 0..1: how much this signal contributed. */
  weight: Scalars['Float']['output'];
};

/** One signal of an assessment being recorded. */
export type RiskSignalInput = {
  code: Scalars['String']['input'];
  detail?: InputMaybe<Scalars['String']['input']>;
  weight: Scalars['Float']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Clinicians (with MFA) and partner keys (alerts:subscribe) of the clinic: its new alerts, live. With after (an alert's cursor), first the alerts created since. */
  crisisAlerts: CrisisAlert;
  /** The person, a clinician (with MFA) of a clinic they share with, or a partner key (risk:read) of it: their new assessments, live. Ends with FORBIDDEN when they stop sharing. */
  riskAssessmentUpdated: RiskAssessment;
};


export type SubscriptionCrisisAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  clinicId: Scalars['ID']['input'];
};


export type SubscriptionRiskAssessmentUpdatedArgs = {
  userId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** This person's assessments, newest first. */
  riskAssessments?: Maybe<Array<RiskAssessment>>;
};


export type UserRiskAssessmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  CrisisAlert: CrisisAlert;
  CrisisEscalation: CrisisEscalation;
  Message: Message;
  ReviewItem: ReviewItem;
  RiskAssessment: RiskAssessment;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CrisisAlert:
    ( { __typename: 'CrisisAlert' }
    & GraphQLRecursivePick<FederationTypes['CrisisAlert'], {"id":true}> );
  CrisisEscalation:
    ( { __typename: 'CrisisEscalation' }
    & GraphQLRecursivePick<FederationTypes['CrisisEscalation'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  ReviewItem:
    ( { __typename: 'ReviewItem' }
    & GraphQLRecursivePick<FederationTypes['ReviewItem'], {"id":true}> );
  RiskAssessment:
    ( { __typename: 'RiskAssessment' }
    & GraphQLRecursivePick<FederationTypes['RiskAssessment'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AssessMessageInput: AssessMessageInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Clinic: ResolverTypeWrapper<ClinicRefModel>;
  CrisisAlert: ResolverTypeWrapper<CrisisAlertModelModel>;
  CrisisEscalation: ResolverTypeWrapper<CrisisEscalationModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EscalationEvent: ResolverTypeWrapper<Omit<EscalationEvent, 'by'> & { by?: Maybe<ResolversTypes['User']> }>;
  EscalationState: EscalationState;
  Message: ResolverTypeWrapper<MessageRefModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordRiskAssessmentInput: RecordRiskAssessmentInput;
  ReviewItem: ResolverTypeWrapper<ReviewItemModel>;
  ReviewReason: ReviewReason;
  ReviewStatus: ReviewStatus;
  ReviewedItem: ResolverTypeWrapper<ReviewedItemModel>;
  RiskAssessment: ResolverTypeWrapper<RiskAssessmentModel>;
  RiskLevel: RiskLevel;
  RiskSignal: ResolverTypeWrapper<RiskSignal>;
  RiskSignalInput: RiskSignalInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRefModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AssessMessageInput: AssessMessageInput;
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Clinic: ClinicRefModel;
  CrisisAlert: CrisisAlertModelModel;
  CrisisEscalation: CrisisEscalationModel;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  EscalationEvent: Omit<EscalationEvent, 'by'> & { by?: Maybe<ResolversParentTypes['User']> };
  Message: MessageRefModel;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  RecordRiskAssessmentInput: RecordRiskAssessmentInput;
  ReviewItem: ReviewItemModel;
  ReviewedItem: ReviewedItemModel;
  RiskAssessment: RiskAssessmentModel;
  RiskSignal: RiskSignal;
  RiskSignalInput: RiskSignalInput;
  Subscription: Record<PropertyKey, never>;
  User: UserRefModel;
}>;

export type ClinicResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CrisisAlertResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['CrisisAlert'] = ResolversParentTypes['CrisisAlert'], FederationReferenceType extends FederationReferenceTypes['CrisisAlert'] = FederationReferenceTypes['CrisisAlert']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CrisisAlert']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acknowledgedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  assessment?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType>;
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  escalation?: Resolver<Maybe<ResolversTypes['CrisisEscalation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CrisisEscalationResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['CrisisEscalation'] = ResolversParentTypes['CrisisEscalation'], FederationReferenceType extends FederationReferenceTypes['CrisisEscalation'] = FederationReferenceTypes['CrisisEscalation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CrisisEscalation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assessment?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType>;
  clinics?: Resolver<Array<ResolversTypes['Clinic']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['EscalationEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  onCall?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reminders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['EscalationState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EscalationEventResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['EscalationEvent'] = ResolversParentTypes['EscalationEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['EscalationState']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['EscalationState'], ParentType, ContextType>;
}>;

export type MessageResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  risk?: Resolver<Maybe<ResolversTypes['RiskAssessment']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acknowledgeCrisisAlert?: Resolver<ResolversTypes['CrisisAlert'], ParentType, ContextType, RequireFields<MutationAcknowledgeCrisisAlertArgs, 'id'>>;
  assessMessage?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType, RequireFields<MutationAssessMessageArgs, 'input'>>;
  recordRiskAssessment?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType, RequireFields<MutationRecordRiskAssessmentArgs, 'input'>>;
  reviewAssessment?: Resolver<ResolversTypes['ReviewItem'], ParentType, ContextType, RequireFields<MutationReviewAssessmentArgs, 'id' | 'level'>>;
  transitionEscalation?: Resolver<ResolversTypes['CrisisEscalation'], ParentType, ContextType, RequireFields<MutationTransitionEscalationArgs, 'id' | 'to'>>;
}>;

export type QueryResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  escalation?: Resolver<Maybe<ResolversTypes['CrisisEscalation']>, ParentType, ContextType, RequireFields<QueryEscalationArgs, 'id'>>;
  openCrisisAlerts?: Resolver<Array<ResolversTypes['CrisisAlert']>, ParentType, ContextType, RequireFields<QueryOpenCrisisAlertsArgs, 'clinicId'>>;
  openEscalations?: Resolver<Array<ResolversTypes['CrisisEscalation']>, ParentType, ContextType, RequireFields<QueryOpenEscalationsArgs, 'clinicId'>>;
  reviewQueue?: Resolver<Array<ResolversTypes['ReviewItem']>, ParentType, ContextType, RequireFields<QueryReviewQueueArgs, 'clinicId' | 'first'>>;
  reviewedItems?: Resolver<Array<ResolversTypes['ReviewedItem']>, ParentType, ContextType, RequireFields<QueryReviewedItemsArgs, 'first'>>;
}>;

export type ReviewItemResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['ReviewItem'] = ResolversParentTypes['ReviewItem'], FederationReferenceType extends FederationReferenceTypes['ReviewItem'] = FederationReferenceTypes['ReviewItem']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ReviewItem']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assessment?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['ReviewReason']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reviewedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  reviewedLevel?: Resolver<Maybe<ResolversTypes['RiskLevel']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
}>;

export type ReviewedItemResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['ReviewedItem'] = ResolversParentTypes['ReviewedItem']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detectedLevel?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviewItemId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviewedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reviewedLevel?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type RiskAssessmentResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskAssessment'] = ResolversParentTypes['RiskAssessment'], FederationReferenceType extends FederationReferenceTypes['RiskAssessment'] = FederationReferenceTypes['RiskAssessment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RiskAssessment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  escalation?: Resolver<Maybe<ResolversTypes['CrisisEscalation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  signals?: Resolver<Array<ResolversTypes['RiskSignal']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type RiskSignalResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskSignal'] = ResolversParentTypes['RiskSignal']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  crisisAlerts?: SubscriptionResolver<ResolversTypes['CrisisAlert'], "crisisAlerts", ParentType, ContextType, RequireFields<SubscriptionCrisisAlertsArgs, 'clinicId'>>;
  riskAssessmentUpdated?: SubscriptionResolver<ResolversTypes['RiskAssessment'], "riskAssessmentUpdated", ParentType, ContextType, RequireFields<SubscriptionRiskAssessmentUpdatedArgs, 'userId'>>;
}>;

export type UserResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  riskAssessments?: Resolver<Maybe<Array<ResolversTypes['RiskAssessment']>>, ParentType, ContextType, RequireFields<UserRiskAssessmentsArgs, 'first'>>;
}>;

export type Resolvers<ContextType = RiskContext> = ResolversObject<{
  Clinic?: ClinicResolvers<ContextType>;
  CrisisAlert?: CrisisAlertResolvers<ContextType>;
  CrisisEscalation?: CrisisEscalationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EscalationEvent?: EscalationEventResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReviewItem?: ReviewItemResolvers<ContextType>;
  ReviewedItem?: ReviewedItemResolvers<ContextType>;
  RiskAssessment?: RiskAssessmentResolvers<ContextType>;
  RiskSignal?: RiskSignalResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

