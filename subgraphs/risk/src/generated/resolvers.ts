import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RiskAssessment as RiskAssessmentModel, CrisisAlertModel as CrisisAlertModelModel, ClinicRef as ClinicRefModel, UserRef as UserRefModel, MessageRef as MessageRefModel } from '../entities.js';
import type { RiskContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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
  id: Scalars['ID']['output'];
};

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
  /** Service only (internal): stores an assessment; HIGH or IMMINENT raises an alert for every clinic the person shares with. */
  recordRiskAssessment: RiskAssessment;
};


export type MutationAcknowledgeCrisisAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordRiskAssessmentArgs = {
  input: RecordRiskAssessmentInput;
};

export type Query = {
  __typename?: 'Query';
  /** Clinicians (with MFA) and partner keys (alerts:subscribe) of the clinic: its alerts not yet acknowledged, newest first. How a dashboard catches up. */
  openCrisisAlerts: Array<CrisisAlert>;
};


export type QueryOpenCrisisAlertsArgs = {
  clinicId: Scalars['ID']['input'];
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

/** How at risk a person seemed at one moment. */
export type RiskAssessment = {
  __typename?: 'RiskAssessment';
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['String']['output'];
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
  Message: Message;
  RiskAssessment: RiskAssessment;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CrisisAlert:
    ( { __typename: 'CrisisAlert' }
    & GraphQLRecursivePick<FederationTypes['CrisisAlert'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  RiskAssessment:
    ( { __typename: 'RiskAssessment' }
    & GraphQLRecursivePick<FederationTypes['RiskAssessment'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Clinic: ResolverTypeWrapper<ClinicRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CrisisAlert: ResolverTypeWrapper<CrisisAlertModelModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Message: ResolverTypeWrapper<MessageRefModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordRiskAssessmentInput: RecordRiskAssessmentInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  RiskAssessment: ResolverTypeWrapper<RiskAssessmentModel>;
  RiskLevel: RiskLevel;
  RiskSignal: ResolverTypeWrapper<RiskSignal>;
  RiskSignalInput: RiskSignalInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRefModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Clinic: ClinicRefModel;
  ID: Scalars['ID']['output'];
  CrisisAlert: CrisisAlertModelModel;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Message: MessageRefModel;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  RecordRiskAssessmentInput: RecordRiskAssessmentInput;
  Float: Scalars['Float']['output'];
  RiskAssessment: RiskAssessmentModel;
  RiskSignal: RiskSignal;
  RiskSignalInput: RiskSignalInput;
  Subscription: Record<PropertyKey, never>;
  User: UserRefModel;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MessageResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  risk?: Resolver<Maybe<ResolversTypes['RiskAssessment']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acknowledgeCrisisAlert?: Resolver<ResolversTypes['CrisisAlert'], ParentType, ContextType, RequireFields<MutationAcknowledgeCrisisAlertArgs, 'id'>>;
  recordRiskAssessment?: Resolver<ResolversTypes['RiskAssessment'], ParentType, ContextType, RequireFields<MutationRecordRiskAssessmentArgs, 'input'>>;
}>;

export type QueryResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  openCrisisAlerts?: Resolver<Array<ResolversTypes['CrisisAlert']>, ParentType, ContextType, RequireFields<QueryOpenCrisisAlertsArgs, 'clinicId'>>;
}>;

export type RiskAssessmentResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskAssessment'] = ResolversParentTypes['RiskAssessment'], FederationReferenceType extends FederationReferenceTypes['RiskAssessment'] = FederationReferenceTypes['RiskAssessment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RiskAssessment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  DateTime?: GraphQLScalarType;
  Message?: MessageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskAssessment?: RiskAssessmentResolvers<ContextType>;
  RiskSignal?: RiskSignalResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

