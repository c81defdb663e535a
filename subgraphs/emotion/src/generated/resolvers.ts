import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EmotionReading as EmotionReadingModel, UserRef as UserRefModel, MessageRef as MessageRefModel, EmotionBaseline as EmotionBaselineModel } from '../entities.js';
import type { UtteranceAnalysis as UtteranceAnalysisModel } from '../domain/analyze.js';
import type { EmotionContext } from '../context.js';
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

export type AnalyzeUtteranceInput = {
  audio?: InputMaybe<AudioInput>;
  /** The person's granted consent types: no voice processing without VOICE_PROCESSING, no reading without EMOTION_ANALYSIS, external speech to text only with EXTERNAL_AI (or an in-country endpoint). */
  consents: Array<Scalars['String']['input']>;
  /** The conversation message; one reading per message (a replay returns the first). */
  messageId?: InputMaybe<Scalars['ID']['input']>;
  /** The client's own transcript (used as it is; speech to text runs only without one). */
  transcript?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

/** Audio of one utterance: WAV, linear PCM 16-bit, 8–48 kHz, mono or stereo, 0.5–60 s. */
export type AudioInput = {
  base64: Scalars['String']['input'];
  /** audio/wav (audio/x-wav, audio/wave); anything else is refused. */
  mimeType: Scalars['String']['input'];
};

export type BaselineValue = {
  __typename?: 'BaselineValue';
  mean: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  sd: Scalars['Float']['output'];
};

/** The seven basic emotions the classifier tells apart. */
export type Emotion =
  | 'ANGRY'
  | 'DISGUST'
  | 'FEAR'
  | 'HAPPY'
  | 'NEUTRAL'
  | 'SAD'
  | 'SURPRISE';

/**
 * A person's rolling baseline: voice features, emotion mix, valence and arousal over about their last
 * 30 readings (exponentially weighted). Each reading's `deviation` is measured against it once it has
 * 5 readings; a deviation of 2.5 or more is marked, and risk reads it as a signal.
 */
export type EmotionBaseline = {
  __typename?: 'EmotionBaseline';
  /** Readings folded in. */
  readings: Scalars['Int']['output'];
  /** Enough readings (5) for deviations to be reported. */
  ready: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Each followed value (pitch_mean_st, syllable_rate, pause_ratio, …, mix_SAD, valence, arousal): its mean and standard deviation. */
  values: Array<BaselineValue>;
};

/** How a person sounded or wrote at one moment. */
export type EmotionReading = {
  __typename?: 'EmotionReading';
  /** 0 (calm) .. 1 (activated). */
  arousal: Scalars['Float']['output'];
  /** The words deflect ("niko poa", "I'm fine") while the voice sounds sad or afraid; null unless both were read. */
  concealment?: Maybe<Scalars['Boolean']['output']>;
  /** 0..1: the top emotion's score (poor audio pulls the voice's scores toward even, so it lowers this). */
  confidence: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['String']['output'];
  /** How far this reading is from the person's own baseline (RMS of z-scores; 2.5 and above is marked); null until the baseline has 5 readings. */
  deviation?: Maybe<Scalars['Float']['output']>;
  /** 0..1: how much more pleasant the words sound than the voice; null unless both were read. */
  dissonance?: Maybe<Scalars['Float']['output']>;
  /** The emotion with the highest score. */
  emotion: Emotion;
  id: Scalars['ID']['output'];
  /** The words' language: EN, SW (Swahili or Sheng) or MIXED (code-switched); null without words. */
  language?: Maybe<Scalars['String']['output']>;
  /** 0..1 audio quality (SNR, clipping, share of speech); null without audio. */
  quality?: Maybe<Scalars['Float']['output']>;
  /** Every emotion's score, highest first. */
  scores: Array<EmotionScore>;
  source: EmotionSource;
  user: User;
  /** -1 (unpleasant) .. 1 (pleasant). */
  valence: Scalars['Float']['output'];
};

/** One emotion's probability in a reading. */
export type EmotionScore = {
  __typename?: 'EmotionScore';
  emotion: Emotion;
  /** 0..1; a reading's scores sum to 1. */
  score: Scalars['Float']['output'];
};

/** One emotion's score in a reading being recorded. */
export type EmotionScoreInput = {
  emotion: Emotion;
  score: Scalars['Float']['input'];
};

/** What a reading was made from: the voice, the words, or both fused. */
export type EmotionSource =
  | 'FUSED'
  | 'TEXT'
  | 'VOICE';

export type Message = {
  __typename?: 'Message';
  /** The reading made for this message; null until made. */
  emotion?: Maybe<EmotionReading>;
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Service only (internal; conversation's voice turn): reads an utterance (audio and/or words) into a reading. */
  analyzeUtterance: UtteranceAnalysis;
  /** Service only (internal): stores a reading and announces it to the person's live streams. */
  recordEmotionReading: EmotionReading;
};


export type MutationAnalyzeUtteranceArgs = {
  input: AnalyzeUtteranceInput;
};


export type MutationRecordEmotionReadingArgs = {
  input: RecordEmotionReadingInput;
};

export type RecordEmotionReadingInput = {
  arousal: Scalars['Float']['input'];
  /** 0..1; default the top emotion's score. */
  confidence?: InputMaybe<Scalars['Float']['input']>;
  /** The top emotion; must have the highest score. */
  emotion: Emotion;
  /** The conversation message read; one reading per message. */
  messageId?: InputMaybe<Scalars['ID']['input']>;
  /** Each 0..1, summing to 1. */
  scores: Array<EmotionScoreInput>;
  source: EmotionSource;
  userId: Scalars['ID']['input'];
  valence: Scalars['Float']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The person, a clinician (with MFA) of a clinic they share with, or a partner key (emotion:read) of it: their new readings, live. Ends with FORBIDDEN when they stop sharing. */
  emotionReadings: EmotionReading;
};


export type SubscriptionEmotionReadingsArgs = {
  userId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  /** How this person usually sounds and feels; null before their first reading. */
  emotionBaseline?: Maybe<EmotionBaseline>;
  /** This person's readings, newest first. */
  emotionReadings?: Maybe<Array<EmotionReading>>;
  id: Scalars['ID']['output'];
};


export type UserEmotionReadingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What analyzeUtterance found. Bad audio is a BAD_USER_INPUT error with extensions.field = audio and extensions.reason. */
export type UtteranceAnalysis = {
  __typename?: 'UtteranceAnalysis';
  concealment?: Maybe<Scalars['Boolean']['output']>;
  deviation?: Maybe<Scalars['Float']['output']>;
  dissonance?: Maybe<Scalars['Float']['output']>;
  language?: Maybe<Scalars['String']['output']>;
  quality?: Maybe<Scalars['Float']['output']>;
  /** LOW_SNR, CLIPPING, LITTLE_SPEECH, NO_SPEECH. */
  qualityFlags: Array<Scalars['String']['output']>;
  /** null without EMOTION_ANALYSIS consent, or when there was nothing to read. */
  reading?: Maybe<EmotionReading>;
  /** The client's transcript, or speech to text's; never stored here. */
  transcript?: Maybe<Scalars['String']['output']>;
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
  EmotionReading: EmotionReading;
  Message: Message;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  EmotionReading:
    ( { __typename: 'EmotionReading' }
    & GraphQLRecursivePick<FederationTypes['EmotionReading'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AnalyzeUtteranceInput: AnalyzeUtteranceInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AudioInput: AudioInput;
  BaselineValue: ResolverTypeWrapper<BaselineValue>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Emotion: Emotion;
  EmotionBaseline: ResolverTypeWrapper<EmotionBaselineModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  EmotionReading: ResolverTypeWrapper<EmotionReadingModel>;
  EmotionScore: ResolverTypeWrapper<EmotionScore>;
  EmotionScoreInput: EmotionScoreInput;
  EmotionSource: EmotionSource;
  Message: ResolverTypeWrapper<MessageRefModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordEmotionReadingInput: RecordEmotionReadingInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRefModel>;
  UtteranceAnalysis: ResolverTypeWrapper<UtteranceAnalysisModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AnalyzeUtteranceInput: AnalyzeUtteranceInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AudioInput: AudioInput;
  BaselineValue: BaselineValue;
  Float: Scalars['Float']['output'];
  DateTime: Scalars['DateTime']['output'];
  EmotionBaseline: EmotionBaselineModel;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  EmotionReading: EmotionReadingModel;
  EmotionScore: EmotionScore;
  EmotionScoreInput: EmotionScoreInput;
  Message: MessageRefModel;
  Mutation: Record<PropertyKey, never>;
  RecordEmotionReadingInput: RecordEmotionReadingInput;
  Subscription: Record<PropertyKey, never>;
  User: UserRefModel;
  UtteranceAnalysis: UtteranceAnalysisModel;
}>;

export type BaselineValueResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['BaselineValue'] = ResolversParentTypes['BaselineValue']> = ResolversObject<{
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmotionBaselineResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['EmotionBaseline'] = ResolversParentTypes['EmotionBaseline']> = ResolversObject<{
  readings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ready?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['BaselineValue']>, ParentType, ContextType>;
}>;

export type EmotionReadingResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['EmotionReading'] = ResolversParentTypes['EmotionReading'], FederationReferenceType extends FederationReferenceTypes['EmotionReading'] = FederationReferenceTypes['EmotionReading']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EmotionReading']> | FederationReferenceType, FederationReferenceType, ContextType>;
  arousal?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  concealment?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deviation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  dissonance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  emotion?: Resolver<ResolversTypes['Emotion'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quality?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  scores?: Resolver<Array<ResolversTypes['EmotionScore']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['EmotionSource'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  valence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type EmotionScoreResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['EmotionScore'] = ResolversParentTypes['EmotionScore']> = ResolversObject<{
  emotion?: Resolver<ResolversTypes['Emotion'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type MessageResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  emotion?: Resolver<Maybe<ResolversTypes['EmotionReading']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  analyzeUtterance?: Resolver<ResolversTypes['UtteranceAnalysis'], ParentType, ContextType, RequireFields<MutationAnalyzeUtteranceArgs, 'input'>>;
  recordEmotionReading?: Resolver<ResolversTypes['EmotionReading'], ParentType, ContextType, RequireFields<MutationRecordEmotionReadingArgs, 'input'>>;
}>;

export type SubscriptionResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  emotionReadings?: SubscriptionResolver<ResolversTypes['EmotionReading'], "emotionReadings", ParentType, ContextType, RequireFields<SubscriptionEmotionReadingsArgs, 'userId'>>;
}>;

export type UserResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  emotionBaseline?: Resolver<Maybe<ResolversTypes['EmotionBaseline']>, ParentType, ContextType>;
  emotionReadings?: Resolver<Maybe<Array<ResolversTypes['EmotionReading']>>, ParentType, ContextType, RequireFields<UserEmotionReadingsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UtteranceAnalysisResolvers<ContextType = EmotionContext, ParentType extends ResolversParentTypes['UtteranceAnalysis'] = ResolversParentTypes['UtteranceAnalysis']> = ResolversObject<{
  concealment?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  deviation?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  dissonance?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quality?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  qualityFlags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reading?: Resolver<Maybe<ResolversTypes['EmotionReading']>, ParentType, ContextType>;
  transcript?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = EmotionContext> = ResolversObject<{
  BaselineValue?: BaselineValueResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EmotionBaseline?: EmotionBaselineResolvers<ContextType>;
  EmotionReading?: EmotionReadingResolvers<ContextType>;
  EmotionScore?: EmotionScoreResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UtteranceAnalysis?: UtteranceAnalysisResolvers<ContextType>;
}>;

