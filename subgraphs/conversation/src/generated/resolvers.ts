import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Conversation as ConversationModel, Message as MessageModel, UserRef as UserRefModel, ModerationDecision as ModerationDecisionModel } from '../entities.js';
import type { SentMessage as SentMessageModel } from '../domain/conversations.js';
import type { ConversationContext } from '../context.js';
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

/** A person's message with personal data masked (as before any external AI call). Service only. */
export type AnonymisedMessage = {
  __typename?: 'AnonymisedMessage';
  id: Scalars['ID']['output'];
  /** EN, SW or MIXED (code-switched, Sheng included), as the turn detected it. */
  language: Scalars['String']['output'];
  /** The text with names, phone numbers, IDs, dates, addresses, … replaced by placeholders ([NAME_1], [PHONE_1], …). */
  text: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

/** A conversation between a person and Resona. */
export type Conversation = {
  __typename?: 'Conversation';
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Newest first. */
  messages: Array<Message>;
  title?: Maybe<Scalars['String']['output']>;
  user: User;
};


/** A conversation between a person and Resona. */
export type ConversationMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Countries Resona serves; a reply at high risk names this country's crisis lines (every country's when unknown). */
export type Country =
  | 'KE'
  | 'TZ'
  | 'UG';

/** A reading owned by the emotion subgraph. */
export type EmotionReading = {
  __typename?: 'EmotionReading';
  id: Scalars['ID']['output'];
};

/** One message; its text is stored encrypted under the person's data key. */
export type Message = {
  __typename?: 'Message';
  /** The id the client chose for a message it sent (null for Resona's replies). */
  clientMessageId?: Maybe<Scalars['String']['output']>;
  conversation: Conversation;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  role: MessageRole;
  text: Scalars['String']['output'];
  /** The person spoke this message: its text is the transcript (the device's, or speech to text's with consent), empty when there was none. */
  voice: Scalars['Boolean']['output'];
};

/**
 * A spoken message: WAV (RIFF/WAVE), PCM 16-bit, 8 to 48 kHz, mono or stereo, 0.5 to 60 seconds,
 * at most 2 MiB before base64 (60 s of 16 kHz mono fits). WAV because every phone records it without
 * a codec on the server; compressed formats would need a decoder we must keep patched.
 */
export type MessageAudioInput = {
  base64: Scalars['String']['input'];
  /** audio/wav (also audio/x-wav, audio/wave). */
  mimeType: Scalars['String']['input'];
};

export type MessageRole =
  | 'ASSISTANT'
  | 'USER';

export type ModerationAction =
  | 'ALLOW'
  | 'BLOCK'
  | 'REWRITE';

/**
 * A reply moderation was unsure about, changed, or wrote at crisis risk, waiting for Resona's safety
 * reviewers. De-identified: no person and none of their words; personal data in the replies is masked.
 */
export type ModerationReview = {
  __typename?: 'ModerationReview';
  action: ModerationAction;
  /** The reply before moderation changed it (null when unchanged), personal data masked. */
  candidateReply?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** Why a human should look: UNCERTAIN_MODERATION, CRISIS, CRISIS_UNASSESSED. */
  reasons: Array<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Rule codes that matched (DOSAGE_OR_METHOD, ENCOURAGES_HARM, DIAGNOSIS, SHAMING, FALSE_CONFIDENTIALITY, CONTRADICTION, …). */
  rules: Array<Scalars['String']['output']>;
  /** The reply as the person received it, personal data masked. */
  sentReply: Scalars['String']['output'];
  /** LOCAL, LLM or LLM_IN_COUNTRY. */
  source: Scalars['String']['output'];
  status: ModerationReviewStatus;
  verdict?: Maybe<ModerationVerdict>;
};

export type ModerationReviewStatus =
  | 'PENDING'
  | 'RESOLVED';

/** A safety reviewer's judgement of one moderation decision. */
export type ModerationVerdict =
  /** Moderation decided right. */
  | 'CORRECT'
  /** The reply was changed or blocked, but was safe as written. */
  | 'OVER_MODERATED'
  /** The reply the person received was still unsafe. */
  | 'UNSAFE_SENT';

export type Mutation = {
  __typename?: 'Mutation';
  /** Resona's safety reviewers: judge one pending moderation decision (once; kept as labelled data). */
  reviewModeration: ModerationReview;
  sendMessage: SendMessagePayload;
  startConversation: Conversation;
  /** Messages recorded offline, each answered as by sendMessage, in recordedAt order; idempotent per clientMessageId. */
  syncMessages: Array<SendMessagePayload>;
};


export type MutationReviewModerationArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  verdict: ModerationVerdict;
};


export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


export type MutationSyncMessagesArgs = {
  input: SyncMessagesInput;
};

/** One message recorded offline. */
export type OfflineMessageInput = {
  /** 1 to 100 characters, unique per message: a replayed batch stores nothing twice. */
  clientMessageId: Scalars['String']['input'];
  /** When the person wrote it (not in the future); the batch is replayed in this order. */
  recordedAt: Scalars['DateTime']['input'];
  /** 1 to 4000 characters. */
  text: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Service only (the crisis-corrections export): people's own messages among ids (1 to 100), PII masked, only of people whose RESEARCH consent is active; replies, unknown ids and anyone else's are left out. Each read is audited. */
  anonymisedMessages: Array<AnonymisedMessage>;
  /** One of the caller's conversations; null when it does not exist or is not theirs. */
  conversation?: Maybe<Conversation>;
  /** Resona's safety reviewers (clinicians with MFA of SAFETY_REVIEW_CLINIC_ID): pending moderation reviews, oldest first (1 to 100). */
  moderationReviewQueue: Array<ModerationReview>;
};


export type QueryAnonymisedMessagesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryModerationReviewQueueArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An assessment owned by the risk subgraph. */
export type RiskAssessment = {
  __typename?: 'RiskAssessment';
  id: Scalars['ID']['output'];
};

export type SendMessageInput = {
  /** A voice message (needs VOICE_PROCESSING consent to be heard). Bad audio is BAD_USER_INPUT with extensions.field = audio and extensions.reason. */
  audio?: InputMaybe<MessageAudioInput>;
  /** 1 to 100 characters, unique per message: sending the same one again returns the first result. */
  clientMessageId: Scalars['String']['input'];
  conversationId: Scalars['ID']['input'];
  /** The person's country, for crisis lines; remembered for the conversation. */
  country?: InputMaybe<Country>;
  /** The person's words, 1 to 4000 characters: typed, or the device's own transcript of `audio`. Needed unless `audio` is sent. */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type SendMessagePayload = {
  __typename?: 'SendMessagePayload';
  /** The emotion reading of the person's message; null when not made (no EMOTION_ANALYSIS consent, or emotion unavailable). */
  emotion?: Maybe<EmotionReading>;
  reply: Message;
  /** The risk assessment of the person's message; null when risk was unavailable (the reply still came). */
  risk?: Maybe<RiskAssessment>;
  userMessage: Message;
};

export type SyncMessagesInput = {
  conversationId: Scalars['ID']['input'];
  country?: InputMaybe<Country>;
  /** 1 to 50 messages. */
  messages: Array<OfflineMessageInput>;
};

export type User = {
  __typename?: 'User';
  /** The person's conversations, newest first; null when this subgraph is unavailable. */
  conversations?: Maybe<Array<Conversation>>;
  id: Scalars['ID']['output'];
};


export type UserConversationsArgs = {
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
  Conversation: Conversation;
  Message: Message;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Conversation:
    ( { __typename: 'Conversation' }
    & GraphQLRecursivePick<FederationTypes['Conversation'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AnonymisedMessage: ResolverTypeWrapper<AnonymisedMessage>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Conversation: ResolverTypeWrapper<ConversationModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Country: Country;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EmotionReading: ResolverTypeWrapper<EmotionReading>;
  Message: ResolverTypeWrapper<MessageModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  MessageAudioInput: MessageAudioInput;
  MessageRole: MessageRole;
  ModerationAction: ModerationAction;
  ModerationReview: ResolverTypeWrapper<ModerationDecisionModel>;
  ModerationReviewStatus: ModerationReviewStatus;
  ModerationVerdict: ModerationVerdict;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OfflineMessageInput: OfflineMessageInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RiskAssessment: ResolverTypeWrapper<RiskAssessment>;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: ResolverTypeWrapper<SentMessageModel>;
  SyncMessagesInput: SyncMessagesInput;
  User: ResolverTypeWrapper<UserRefModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AnonymisedMessage: AnonymisedMessage;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Conversation: ConversationModel;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  EmotionReading: EmotionReading;
  Message: MessageModel;
  Boolean: Scalars['Boolean']['output'];
  MessageAudioInput: MessageAudioInput;
  ModerationReview: ModerationDecisionModel;
  Mutation: Record<PropertyKey, never>;
  OfflineMessageInput: OfflineMessageInput;
  Query: Record<PropertyKey, never>;
  RiskAssessment: RiskAssessment;
  SendMessageInput: SendMessageInput;
  SendMessagePayload: SentMessageModel;
  SyncMessagesInput: SyncMessagesInput;
  User: UserRefModel;
}>;

export type AnonymisedMessageResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['AnonymisedMessage'] = ResolversParentTypes['AnonymisedMessage']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ConversationResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation'], FederationReferenceType extends FederationReferenceTypes['Conversation'] = FederationReferenceTypes['Conversation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Conversation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<ConversationMessagesArgs, 'first'>>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmotionReadingResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['EmotionReading'] = ResolversParentTypes['EmotionReading']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MessageResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clientMessageId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  conversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MessageRole'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  voice?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ModerationReviewResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['ModerationReview'] = ResolversParentTypes['ModerationReview']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ModerationAction'], ParentType, ContextType>;
  candidateReply?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sentReply?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ModerationReviewStatus'], ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['ModerationVerdict']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  reviewModeration?: Resolver<ResolversTypes['ModerationReview'], ParentType, ContextType, RequireFields<MutationReviewModerationArgs, 'id' | 'verdict'>>;
  sendMessage?: Resolver<ResolversTypes['SendMessagePayload'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  startConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
  syncMessages?: Resolver<Array<ResolversTypes['SendMessagePayload']>, ParentType, ContextType, RequireFields<MutationSyncMessagesArgs, 'input'>>;
}>;

export type QueryResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  anonymisedMessages?: Resolver<Array<ResolversTypes['AnonymisedMessage']>, ParentType, ContextType, RequireFields<QueryAnonymisedMessagesArgs, 'ids'>>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  moderationReviewQueue?: Resolver<Array<ResolversTypes['ModerationReview']>, ParentType, ContextType, RequireFields<QueryModerationReviewQueueArgs, 'first'>>;
}>;

export type RiskAssessmentResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['RiskAssessment'] = ResolversParentTypes['RiskAssessment']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type SendMessagePayloadResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['SendMessagePayload'] = ResolversParentTypes['SendMessagePayload']> = ResolversObject<{
  emotion?: Resolver<Maybe<ResolversTypes['EmotionReading']>, ParentType, ContextType>;
  reply?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  risk?: Resolver<Maybe<ResolversTypes['RiskAssessment']>, ParentType, ContextType>;
  userMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = ConversationContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  conversations?: Resolver<Maybe<Array<ResolversTypes['Conversation']>>, ParentType, ContextType, RequireFields<UserConversationsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ConversationContext> = ResolversObject<{
  AnonymisedMessage?: AnonymisedMessageResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EmotionReading?: EmotionReadingResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  ModerationReview?: ModerationReviewResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskAssessment?: RiskAssessmentResolvers<ContextType>;
  SendMessagePayload?: SendMessagePayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

