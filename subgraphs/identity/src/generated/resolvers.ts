import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel, Clinic as ClinicModel, ApiKey as ApiKeyModel, SecurityEvent as SecurityEventModel } from '../entities.js';
import type { Session as SessionModel } from '../domain/accounts.js';
import type { CreatedApiKey as CreatedApiKeyModel } from '../domain/api-keys.js';
import type { IdentityContext } from '../context.js';
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

export type AcceptInvitationInput = {
  displayName: Scalars['String']['input'];
  password: Scalars['String']['input'];
  preferredLanguage?: InputMaybe<Language>;
  token: Scalars['String']['input'];
};

/** A partner clinic's API key. The secret is shown once, when created or rotated, and never again. */
export type ApiKey = {
  __typename?: 'ApiKey';
  clinic: Clinic;
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first part of the key (`rsk_<prefix>_…`), to tell keys apart. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<ApiKeyScope>;
};

/** What the gateway needs to act for a partner key. Scopes are as in the principal (`risk:read`, …). */
export type ApiKeyIdentity = {
  __typename?: 'ApiKeyIdentity';
  clinicId: Scalars['ID']['output'];
  keyId: Scalars['ID']['output'];
  scopes: Array<Scalars['String']['output']>;
};

/** Scopes a partner API key can hold. In the principal they are `risk:read`, `emotion:read`, `alerts:subscribe`. */
export type ApiKeyScope =
  | 'ALERTS_SUBSCRIBE'
  | 'EMOTION_READ'
  | 'RISK_READ';

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived (15 minutes) access token for the Authorization header. */
  accessToken: Scalars['String']['output'];
  /** Single-use token that gets a new pair from refreshSession. */
  refreshToken: Scalars['String']['output'];
  user: User;
};

/** A partner clinic. */
export type Clinic = {
  __typename?: 'Clinic';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type CreateApiKeyInput = {
  /** When the key stops working; never when null. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  scopes: Array<ApiKeyScope>;
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The whole key, `rsk_<prefix>_<secret>`: shown this once only. Send it as `Authorization: ApiKey <key>`. */
  secret: Scalars['String']['output'];
};

export type InviteClinicianInput = {
  /** The clinic to join; required for ADMIN, ignored (own clinic) for CLINIC_ADMIN. */
  clinicId?: InputMaybe<Scalars['ID']['input']>;
  email: Scalars['String']['input'];
  /** CLINICIAN or CLINIC_ADMIN. */
  role: Role;
};

/** The language a person prefers; MIXED is code-switched Swahili/English (Sheng). */
export type Language =
  | 'EN'
  | 'MIXED'
  | 'SW';

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** One of the recovery codes shown when MFA was enabled (each works once), instead of totpCode. */
  recoveryCode?: InputMaybe<Scalars['String']['input']>;
  /** The current code of the authenticator app, when MFA is enabled. */
  totpCode?: InputMaybe<Scalars['String']['input']>;
};

export type MfaConfirmation = {
  __typename?: 'MfaConfirmation';
  /** Ten single-use recovery codes, shown this once only. */
  recoveryCodes: Array<Scalars['String']['output']>;
};

export type MfaEnrollment = {
  __typename?: 'MfaEnrollment';
  /** Scan as a QR code in an authenticator app. */
  otpauthUri: Scalars['String']['output'];
  /** The same secret in base32, for typing in. */
  secret: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates the invited person's account (new accounts only) and signs them in. */
  acceptInvitation: AuthPayload;
  /** Finishes a social login. When the account has MFA, pass totpCode or recoveryCode (again with the same state). */
  completeOidcLogin: AuthPayload;
  confirmMfa: MfaConfirmation;
  /** CLINIC_ADMIN with MFA, for their own clinic. */
  createApiKey: CreatedApiKey;
  /** ADMIN with MFA. */
  createClinic: Clinic;
  /** Turns MFA off; needs a current code or a recovery code. */
  disableMfa: Scalars['Boolean']['output'];
  /** Starts TOTP enrolment; confirmMfa with a first code finishes it. */
  enrollMfa: MfaEnrollment;
  /** Mails an invitation to join a clinic (CLINIC_ADMIN of the clinic, or ADMIN; with MFA). */
  inviteClinician: Scalars['Boolean']['output'];
  login: AuthPayload;
  /** Ends the session the refresh token belongs to. */
  logout: Scalars['Boolean']['output'];
  /** Ends every session of the caller. */
  logoutEverywhere: Scalars['Boolean']['output'];
  /** Exchanges a refresh token for a new pair; each refresh token works once. */
  refreshSession: AuthPayload;
  /** Creates a patient account and signs it in. */
  register: AuthPayload;
  /** Mails the caller a link that verifies their email. */
  requestEmailVerification: Scalars['Boolean']['output'];
  /** Mails a reset link if the address has an account. Always true: it never tells whether it has. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Sets a new password and ends every session. */
  resetPassword: Scalars['Boolean']['output'];
  revokeApiKey: ApiKey;
  /** Replaces the key's secret; the old key stops working at once. */
  rotateApiKey: CreatedApiKey;
  verifyEmail: Scalars['Boolean']['output'];
};


export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


export type MutationCompleteOidcLoginArgs = {
  code: Scalars['String']['input'];
  recoveryCode?: InputMaybe<Scalars['String']['input']>;
  state: Scalars['String']['input'];
  totpCode?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConfirmMfaArgs = {
  code: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateClinicArgs = {
  name: Scalars['String']['input'];
};


export type MutationDisableMfaArgs = {
  code: Scalars['String']['input'];
};


export type MutationInviteClinicianArgs = {
  input: InviteClinicianInput;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};

export type OidcStart = {
  __typename?: 'OidcStart';
  /** Comes back with the provider's redirect; pass it to completeOidcLogin. */
  state: Scalars['String']['output'];
  /** Send the browser here to sign in with the identity provider. */
  url: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The API keys of the caller's clinic (CLINIC_ADMIN with MFA); never their secrets. */
  apiKeys: Array<ApiKey>;
  /** The caller; null (with an UNAUTHENTICATED error) without a valid token. */
  me?: Maybe<User>;
  /** Starts a social login with the configured OpenID Connect provider. */
  oidcAuthorizationUrl: OidcStart;
  /** Security events, newest first (ADMIN with MFA). */
  securityEvents: Array<SecurityEvent>;
  /** For the gateway only: who an `Authorization: ApiKey` key belongs to; null when unknown, revoked or expired. */
  verifyApiKey?: Maybe<ApiKeyIdentity>;
};


export type QuerySecurityEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<SecurityEventType>;
};


export type QueryVerifyApiKeyArgs = {
  key: Scalars['String']['input'];
};

export type RegisterInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** At least 10 characters; not a common password; not containing your name or email. */
  password: Scalars['String']['input'];
  preferredLanguage?: InputMaybe<Language>;
};

export type Role =
  | 'ADMIN'
  | 'CLINICIAN'
  | 'CLINIC_ADMIN'
  | 'PATIENT';

/** Something security-relevant that happened to an account (for administrators). */
export type SecurityEvent = {
  __typename?: 'SecurityEvent';
  createdAt: Scalars['DateTime']['output'];
  /** Pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** JSON with details of the event. */
  detail?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the email a failed login used (the address itself is not kept). */
  emailHash?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  type: SecurityEventType;
  userAgent?: Maybe<Scalars['String']['output']>;
  userId?: Maybe<Scalars['ID']['output']>;
};

export type SecurityEventType =
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'API_KEY_ROTATED'
  | 'FAILED_LOGIN'
  | 'LOCKOUT'
  | 'MFA_DISABLED'
  | 'MFA_ENABLED'
  | 'PASSWORD_RESET'
  | 'REFRESH_TOKEN_REUSE';

/**
 * A person using Resona: a patient, a clinician or an administrator. A clinician (with MFA) or a
 * partner key (`risk:read` or `emotion:read`) of a clinic the person shares with reads only
 * `displayName` and `preferredLanguage`.
 */
export type User = {
  __typename?: 'User';
  /** The clinic a clinician or clinic admin works for; null for patients. */
  clinic?: Maybe<Clinic>;
  createdAt: Scalars['DateTime']['output'];
  /** How to address the person. */
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  /** The person proved they receive mail at this address. */
  emailVerified: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** A TOTP second factor is enrolled and confirmed; login then asks for a code. */
  mfaEnabled: Scalars['Boolean']['output'];
  /** The language to speak with the person. */
  preferredLanguage: Language;
  roles: Array<Role>;
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
  ApiKey: ApiKey;
  Clinic: Clinic;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ApiKey:
    ( { __typename: 'ApiKey' }
    & GraphQLRecursivePick<FederationTypes['ApiKey'], {"id":true}> );
  Clinic:
    ( { __typename: 'Clinic' }
    & GraphQLRecursivePick<FederationTypes['Clinic'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AcceptInvitationInput: AcceptInvitationInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApiKeyIdentity: ResolverTypeWrapper<ApiKeyIdentity>;
  ApiKeyScope: ApiKeyScope;
  AuthPayload: ResolverTypeWrapper<SessionModel>;
  Clinic: ResolverTypeWrapper<ClinicModel>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKeyModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InviteClinicianInput: InviteClinicianInput;
  Language: Language;
  LoginInput: LoginInput;
  MfaConfirmation: ResolverTypeWrapper<MfaConfirmation>;
  MfaEnrollment: ResolverTypeWrapper<MfaEnrollment>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OidcStart: ResolverTypeWrapper<OidcStart>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  RegisterInput: RegisterInput;
  Role: Role;
  SecurityEvent: ResolverTypeWrapper<SecurityEventModel>;
  SecurityEventType: SecurityEventType;
  User: ResolverTypeWrapper<UserModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptInvitationInput: AcceptInvitationInput;
  String: Scalars['String']['output'];
  ApiKey: ApiKeyModel;
  ID: Scalars['ID']['output'];
  ApiKeyIdentity: ApiKeyIdentity;
  AuthPayload: SessionModel;
  Clinic: ClinicModel;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: CreatedApiKeyModel;
  DateTime: Scalars['DateTime']['output'];
  InviteClinicianInput: InviteClinicianInput;
  LoginInput: LoginInput;
  MfaConfirmation: MfaConfirmation;
  MfaEnrollment: MfaEnrollment;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  OidcStart: OidcStart;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  RegisterInput: RegisterInput;
  SecurityEvent: SecurityEventModel;
  User: UserModel;
}>;

export type ApiKeyResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey'], FederationReferenceType extends FederationReferenceTypes['ApiKey'] = FederationReferenceTypes['ApiKey']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ApiKey']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type ApiKeyIdentityResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ApiKeyIdentity'] = ResolversParentTypes['ApiKeyIdentity']> = ResolversObject<{
  clinicId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type ClinicResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Clinic'] = ResolversParentTypes['Clinic'], FederationReferenceType extends FederationReferenceTypes['Clinic'] = FederationReferenceTypes['Clinic']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Clinic']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MfaConfirmationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['MfaConfirmation'] = ResolversParentTypes['MfaConfirmation']> = ResolversObject<{
  recoveryCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MfaEnrollmentResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['MfaEnrollment'] = ResolversParentTypes['MfaEnrollment']> = ResolversObject<{
  otpauthUri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptInvitation?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationAcceptInvitationArgs, 'input'>>;
  completeOidcLogin?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationCompleteOidcLoginArgs, 'code' | 'state'>>;
  confirmMfa?: Resolver<ResolversTypes['MfaConfirmation'], ParentType, ContextType, RequireFields<MutationConfirmMfaArgs, 'code'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createClinic?: Resolver<ResolversTypes['Clinic'], ParentType, ContextType, RequireFields<MutationCreateClinicArgs, 'name'>>;
  disableMfa?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisableMfaArgs, 'code'>>;
  enrollMfa?: Resolver<ResolversTypes['MfaEnrollment'], ParentType, ContextType>;
  inviteClinician?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationInviteClinicianArgs, 'input'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLogoutArgs, 'refreshToken'>>;
  logoutEverywhere?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  requestEmailVerification?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rotateApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationRotateApiKeyArgs, 'id'>>;
  verifyEmail?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
}>;

export type OidcStartResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['OidcStart'] = ResolversParentTypes['OidcStart']> = ResolversObject<{
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  oidcAuthorizationUrl?: Resolver<ResolversTypes['OidcStart'], ParentType, ContextType>;
  securityEvents?: Resolver<Array<ResolversTypes['SecurityEvent']>, ParentType, ContextType, RequireFields<QuerySecurityEventsArgs, 'first'>>;
  verifyApiKey?: Resolver<Maybe<ResolversTypes['ApiKeyIdentity']>, ParentType, ContextType, RequireFields<QueryVerifyApiKeyArgs, 'key'>>;
}>;

export type SecurityEventResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SecurityEvent'] = ResolversParentTypes['SecurityEvent']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SecurityEventType'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clinic?: Resolver<Maybe<ResolversTypes['Clinic']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mfaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  preferredLanguage?: Resolver<ResolversTypes['Language'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = IdentityContext> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyIdentity?: ApiKeyIdentityResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Clinic?: ClinicResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  MfaConfirmation?: MfaConfirmationResolvers<ContextType>;
  MfaEnrollment?: MfaEnrollmentResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OidcStart?: OidcStartResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SecurityEvent?: SecurityEventResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

