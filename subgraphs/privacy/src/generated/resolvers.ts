import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Consent as ConsentModel, EntityRef as EntityRefModel } from '../entities.js';
import type { ConsentPolicy as ConsentPolicyModel } from '../domain/policies.js';
import type { PrivacyContext } from '../context.js';
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

/** One versioned consent record: a grant, later perhaps revoked. A new grant is a new record. */
export type Consent = {
  __typename?: 'Consent';
  /** The clinic shared with (CLINIC_SHARING only). */
  clinic?: Maybe<Clinic>;
  cursor: Scalars['String']['output'];
  granted: Scalars['Boolean']['output'];
  grantedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ipAddress?: Maybe<Scalars['String']['output']>;
  policyVersion: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  type: ConsentType;
  user: User;
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** The text a person agrees to, per consent type. */
export type ConsentPolicy = {
  __typename?: 'ConsentPolicy';
  text: Scalars['String']['output'];
  type: ConsentType;
  /** The current version; grantConsent must name it. */
  version: Scalars['String']['output'];
};


/** The text a person agrees to, per consent type. */
export type ConsentPolicyTextArgs = {
  language?: InputMaybe<PolicyLanguage>;
};

export type ConsentType =
  | 'CLINIC_SHARING'
  | 'EMOTION_ANALYSIS'
  | 'EXTERNAL_AI'
  | 'RESEARCH'
  | 'VOICE_PROCESSING';

export type GrantConsentInput = {
  /** Required for CLINIC_SHARING, refused for every other type. */
  clinicId?: InputMaybe<Scalars['ID']['input']>;
  /** Must equal the current version of the policy (see consentPolicy). */
  policyVersion: Scalars['String']['input'];
  type: ConsentType;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Grants a consent. Granting a type (and clinic) that is already active under the current version returns the active record. */
  grantConsent: Consent;
  /** Withdraws a consent; revoking twice is harmless. */
  revokeConsent: Consent;
};


export type MutationGrantConsentArgs = {
  input: GrantConsentInput;
};


export type MutationRevokeConsentArgs = {
  id: Scalars['ID']['input'];
};

export type PolicyLanguage =
  | 'EN'
  | 'SW';

export type Query = {
  __typename?: 'Query';
  /** Service only (internal): which of userIds have an active CLINIC_SHARING consent for clinicId. */
  activeClinicShares: Array<Scalars['ID']['output']>;
  /** Public: the current policy for a consent type. */
  consentPolicy: ConsentPolicy;
  /** Service only (internal): the consent types userId has granted and not revoked (what the conversation engine may do with their words and voice). */
  grantedConsentTypes: Array<ConsentType>;
  /** Clinicians (with MFA) and partner keys: the people who share with the caller's clinic now. */
  patients: Array<User>;
  /** Service only (internal): the clinics userId has an active CLINIC_SHARING consent for (who gets their crisis alerts). */
  sharingClinics: Array<Scalars['ID']['output']>;
};


export type QueryActiveClinicSharesArgs = {
  clinicId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


export type QueryConsentPolicyArgs = {
  type: ConsentType;
};


export type QueryGrantedConsentTypesArgs = {
  userId: Scalars['ID']['input'];
};


export type QuerySharingClinicsArgs = {
  userId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  /** The person's consent records, newest first; null when this subgraph is unavailable. */
  consents?: Maybe<Array<Consent>>;
  id: Scalars['ID']['output'];
};


export type UserConsentsArgs = {
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
  Consent: Consent;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Consent:
    ( { __typename: 'Consent' }
    & GraphQLRecursivePick<FederationTypes['Consent'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Clinic: ResolverTypeWrapper<EntityRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Consent: ResolverTypeWrapper<ConsentModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ConsentPolicy: ResolverTypeWrapper<ConsentPolicyModel>;
  ConsentType: ConsentType;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GrantConsentInput: GrantConsentInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PolicyLanguage: PolicyLanguage;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<EntityRefModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Clinic: EntityRefModel;
  ID: Scalars['ID']['output'];
  Consent: ConsentModel;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ConsentPolicy: ConsentPolicyModel;
  DateTime: Scalars['DateTime']['output'];
  GrantConsentInput: GrantConsentInput;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  User: EntityRefModel;
  Int: Scalars['Int']['output'];
}>;

export type ClinicResolvers<ContextType = PrivacyContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ConsentResolvers<ContextType = PrivacyContext, ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent'], FederationReferenceType extends FederationReferenceTypes['Consent'] = FederationReferenceTypes['Consent']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Consent']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  granted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  policyVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ConsentType'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ConsentPolicyResolvers<ContextType = PrivacyContext, ParentType extends ResolversParentTypes['ConsentPolicy'] = ResolversParentTypes['ConsentPolicy']> = ResolversObject<{
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ConsentPolicyTextArgs, 'language'>>;
  type?: Resolver<ResolversTypes['ConsentType'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = PrivacyContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  grantConsent?: Resolver<ResolversTypes['Consent'], ParentType, ContextType, RequireFields<MutationGrantConsentArgs, 'input'>>;
  revokeConsent?: Resolver<ResolversTypes['Consent'], ParentType, ContextType, RequireFields<MutationRevokeConsentArgs, 'id'>>;
}>;

export type QueryResolvers<ContextType = PrivacyContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  activeClinicShares?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<QueryActiveClinicSharesArgs, 'clinicId' | 'userIds'>>;
  consentPolicy?: Resolver<ResolversTypes['ConsentPolicy'], ParentType, ContextType, RequireFields<QueryConsentPolicyArgs, 'type'>>;
  grantedConsentTypes?: Resolver<Array<ResolversTypes['ConsentType']>, ParentType, ContextType, RequireFields<QueryGrantedConsentTypesArgs, 'userId'>>;
  patients?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  sharingClinics?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<QuerySharingClinicsArgs, 'userId'>>;
}>;

export type UserResolvers<ContextType = PrivacyContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  consents?: Resolver<Maybe<Array<ResolversTypes['Consent']>>, ParentType, ContextType, RequireFields<UserConsentsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PrivacyContext> = ResolversObject<{
  Clinic?: ClinicResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  ConsentPolicy?: ConsentPolicyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

