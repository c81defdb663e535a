/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from '@apollo/client';
import * as Apollo from '@apollo/client';
const defaultOptions = {} as const;
export type ConsentType =
  | 'CLINIC_SHARING'
  | 'EMOTION_ANALYSIS'
  | 'EXTERNAL_AI'
  | 'RESEARCH'
  | 'VOICE_PROCESSING';

/** Countries Resona serves; a reply at high risk names this country's crisis lines (every country's when unknown). */
export type Country =
  | 'KE'
  | 'TZ'
  | 'UG';

/** The seven basic emotions the classifier tells apart. */
export type Emotion =
  | 'ANGRY'
  | 'DISGUST'
  | 'FEAR'
  | 'HAPPY'
  | 'NEUTRAL'
  | 'SAD'
  | 'SURPRISE';

/** What a reading was made from: the voice, the words, or both fused. */
export type EmotionSource =
  | 'FUSED'
  | 'TEXT'
  | 'VOICE';

export type GrantConsentInput = {
  /** Required for CLINIC_SHARING, refused for every other type. */
  clinicId?: string | number | null | undefined;
  /** Must equal the current version of the policy (see consentPolicy). */
  policyVersion: string;
  type: ConsentType;
};

/** The language a person prefers; MIXED is code-switched Swahili/English (Sheng). */
export type Language =
  | 'EN'
  | 'MIXED'
  | 'SW';

export type LoginInput = {
  email: string;
  password: string;
  /** One of the recovery codes shown when MFA was enabled (each works once), instead of totpCode. */
  recoveryCode?: string | null | undefined;
  /** The current code of the authenticator app, when MFA is enabled. */
  totpCode?: string | null | undefined;
};

/**
 * A spoken message: WAV (RIFF/WAVE), PCM 16-bit, 8 to 48 kHz, mono or stereo, 0.5 to 60 seconds,
 * at most 2 MiB before base64 (60 s of 16 kHz mono fits). WAV because every phone records it without
 * a codec on the server; compressed formats would need a decoder we must keep patched.
 */
export type MessageAudioInput = {
  base64: string;
  /** audio/wav (also audio/x-wav, audio/wave). */
  mimeType: string;
};

export type MessageRole =
  | 'ASSISTANT'
  | 'USER';

/** One message recorded offline. */
export type OfflineMessageInput = {
  /** 1 to 100 characters, unique per message: a replayed batch stores nothing twice. */
  clientMessageId: string;
  /** When the person wrote it (not in the future); the batch is replayed in this order. */
  recordedAt: string;
  /** 1 to 4000 characters. */
  text: string;
};

export type PolicyLanguage =
  | 'EN'
  | 'SW';

export type RegisterInput = {
  displayName: string;
  email: string;
  /** At least 10 characters; not a common password; not containing your name or email. */
  password: string;
  preferredLanguage?: Language | null | undefined;
};

/** How likely a person is to be in danger, lowest first. */
export type RiskLevel =
  | 'HIGH'
  | 'IMMINENT'
  | 'LOW'
  | 'MODERATE'
  | 'NONE';

export type SendMessageInput = {
  /** A voice message (needs VOICE_PROCESSING consent to be heard). Bad audio is BAD_USER_INPUT with extensions.field = audio and extensions.reason. */
  audio?: MessageAudioInput | null | undefined;
  /** 1 to 100 characters, unique per message: sending the same one again returns the first result. */
  clientMessageId: string;
  conversationId: string | number;
  /** The person's country, for crisis lines; remembered for the conversation. */
  country?: Country | null | undefined;
  /** The person's words, 1 to 4000 characters: typed, or the device's own transcript of `audio`. Needed unless `audio` is sent. */
  text?: string | null | undefined;
};

export type SyncMessagesInput = {
  conversationId: string | number;
  country?: Country | null | undefined;
  /** 1 to 50 messages. */
  messages: Array<OfflineMessageInput>;
};

export type UiTheme =
  | 'CALM_DARK'
  | 'CALM_LIGHT'
  | 'HIGH_CONTRAST'
  | 'WARM';

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { accessToken: string, refreshToken: string, user: { id: string } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, user: { id: string } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, preferredLanguage: Language, uiConfig: { theme: UiTheme, visibleComponents: Array<string>, layoutOrder: Array<string> } | null } | null };

export type ConsentPolicyQueryVariables = Exact<{
  type: ConsentType;
  language?: PolicyLanguage | null | undefined;
}>;


export type ConsentPolicyQuery = { consentPolicy: { type: ConsentType, version: string, text: string } };

export type GrantConsentMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantConsentMutation = { grantConsent: { id: string, type: ConsentType, granted: boolean, grantedAt: string } };

export type RevokeConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeConsentMutation = { revokeConsent: { id: string, granted: boolean, revokedAt: string | null } };

export type MyConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyConsentsQuery = { me: { id: string, consents: Array<{ id: string, type: ConsentType, granted: boolean, policyVersion: string, clinic: { id: string, name: string } | null }> | null } | null };

export type StartConversationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartConversationMutation = { startConversation: { id: string, createdAt: string } };

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { sendMessage: { userMessage: { id: string, text: string, voice: boolean, createdAt: string }, reply: { id: string, text: string, createdAt: string }, emotion: { id: string, emotion: Emotion, confidence: number, source: EmotionSource } | null, risk: { id: string, level: RiskLevel } | null } };

export type SyncMessagesMutationVariables = Exact<{
  input: SyncMessagesInput;
}>;


export type SyncMessagesMutation = { syncMessages: Array<{ userMessage: { id: string, text: string, clientMessageId: string | null, createdAt: string }, reply: { id: string, text: string, createdAt: string }, risk: { id: string, level: RiskLevel } | null }> };

export type ConversationHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConversationHistoryQuery = { conversation: { id: string, messages: Array<{ id: string, role: MessageRole, text: string, createdAt: string, cursor: string, emotion: { emotion: Emotion, confidence: number } | null, risk: { level: RiskLevel } | null }> } | null };

export type MyWellbeingQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWellbeingQuery = { me: { id: string, emotionReadings: Array<{ emotion: Emotion, valence: number, arousal: number, createdAt: string }> | null, riskAssessments: Array<{ level: RiskLevel, createdAt: string }> | null } | null };


export const RegisterDocument = gql`
    mutation Register($input: RegisterInput!) {
  register(input: $input) {
    accessToken
    refreshToken
    user {
      id
    }
  }
}
    `;
export type RegisterMutationFn = Apollo.MutationFunction<RegisterMutation, RegisterMutationVariables>;

/**
 * __useRegisterMutation__
 *
 * To run a mutation, you first call `useRegisterMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRegisterMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [registerMutation, { data, loading, error }] = useRegisterMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useRegisterMutation(baseOptions?: Apollo.MutationHookOptions<RegisterMutation, RegisterMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<RegisterMutation, RegisterMutationVariables>(RegisterDocument, options);
      }
export type RegisterMutationHookResult = ReturnType<typeof useRegisterMutation>;
export type RegisterMutationResult = Apollo.MutationResult<RegisterMutation>;
export type RegisterMutationOptions = Apollo.BaseMutationOptions<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = gql`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    refreshToken
    user {
      id
    }
  }
}
    `;
export type LoginMutationFn = Apollo.MutationFunction<LoginMutation, LoginMutationVariables>;

/**
 * __useLoginMutation__
 *
 * To run a mutation, you first call `useLoginMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useLoginMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [loginMutation, { data, loading, error }] = useLoginMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useLoginMutation(baseOptions?: Apollo.MutationHookOptions<LoginMutation, LoginMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<LoginMutation, LoginMutationVariables>(LoginDocument, options);
      }
export type LoginMutationHookResult = ReturnType<typeof useLoginMutation>;
export type LoginMutationResult = Apollo.MutationResult<LoginMutation>;
export type LoginMutationOptions = Apollo.BaseMutationOptions<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = gql`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    accessToken
    refreshToken
  }
}
    `;
export type RefreshSessionMutationFn = Apollo.MutationFunction<RefreshSessionMutation, RefreshSessionMutationVariables>;

/**
 * __useRefreshSessionMutation__
 *
 * To run a mutation, you first call `useRefreshSessionMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRefreshSessionMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [refreshSessionMutation, { data, loading, error }] = useRefreshSessionMutation({
 *   variables: {
 *      refreshToken: // value for 'refreshToken'
 *   },
 * });
 */
export function useRefreshSessionMutation(baseOptions?: Apollo.MutationHookOptions<RefreshSessionMutation, RefreshSessionMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<RefreshSessionMutation, RefreshSessionMutationVariables>(RefreshSessionDocument, options);
      }
export type RefreshSessionMutationHookResult = ReturnType<typeof useRefreshSessionMutation>;
export type RefreshSessionMutationResult = Apollo.MutationResult<RefreshSessionMutation>;
export type RefreshSessionMutationOptions = Apollo.BaseMutationOptions<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const MeDocument = gql`
    query Me {
  me {
    id
    displayName
    preferredLanguage
    uiConfig {
      theme
      visibleComponents
      layoutOrder
    }
  }
}
    `;

/**
 * __useMeQuery__
 *
 * To run a query within a React component, call `useMeQuery` and pass it any options that fit your needs.
 * When your component renders, `useMeQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMeQuery({
 *   variables: {
 *   },
 * });
 */
export function useMeQuery(baseOptions?: Apollo.QueryHookOptions<MeQuery, MeQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<MeQuery, MeQueryVariables>(MeDocument, options);
      }
export function useMeLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<MeQuery, MeQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<MeQuery, MeQueryVariables>(MeDocument, options);
        }
// @ts-ignore
export function useMeSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>): Apollo.UseSuspenseQueryResult<MeQuery, MeQueryVariables>;
export function useMeSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>): Apollo.UseSuspenseQueryResult<MeQuery | undefined, MeQueryVariables>;
export function useMeSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MeQuery, MeQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<MeQuery, MeQueryVariables>(MeDocument, options);
        }
export type MeQueryHookResult = ReturnType<typeof useMeQuery>;
export type MeLazyQueryHookResult = ReturnType<typeof useMeLazyQuery>;
export type MeSuspenseQueryHookResult = ReturnType<typeof useMeSuspenseQuery>;
export type MeQueryResult = Apollo.QueryResult<MeQuery, MeQueryVariables>;
export const ConsentPolicyDocument = gql`
    query ConsentPolicy($type: ConsentType!, $language: PolicyLanguage) {
  consentPolicy(type: $type) {
    type
    version
    text(language: $language)
  }
}
    `;

/**
 * __useConsentPolicyQuery__
 *
 * To run a query within a React component, call `useConsentPolicyQuery` and pass it any options that fit your needs.
 * When your component renders, `useConsentPolicyQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useConsentPolicyQuery({
 *   variables: {
 *      type: // value for 'type'
 *      language: // value for 'language'
 *   },
 * });
 */
export function useConsentPolicyQuery(baseOptions: Apollo.QueryHookOptions<ConsentPolicyQuery, ConsentPolicyQueryVariables> & ({ variables: ConsentPolicyQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<ConsentPolicyQuery, ConsentPolicyQueryVariables>(ConsentPolicyDocument, options);
      }
export function useConsentPolicyLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<ConsentPolicyQuery, ConsentPolicyQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<ConsentPolicyQuery, ConsentPolicyQueryVariables>(ConsentPolicyDocument, options);
        }
// @ts-ignore
export function useConsentPolicySuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<ConsentPolicyQuery, ConsentPolicyQueryVariables>): Apollo.UseSuspenseQueryResult<ConsentPolicyQuery, ConsentPolicyQueryVariables>;
export function useConsentPolicySuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<ConsentPolicyQuery, ConsentPolicyQueryVariables>): Apollo.UseSuspenseQueryResult<ConsentPolicyQuery | undefined, ConsentPolicyQueryVariables>;
export function useConsentPolicySuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<ConsentPolicyQuery, ConsentPolicyQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<ConsentPolicyQuery, ConsentPolicyQueryVariables>(ConsentPolicyDocument, options);
        }
export type ConsentPolicyQueryHookResult = ReturnType<typeof useConsentPolicyQuery>;
export type ConsentPolicyLazyQueryHookResult = ReturnType<typeof useConsentPolicyLazyQuery>;
export type ConsentPolicySuspenseQueryHookResult = ReturnType<typeof useConsentPolicySuspenseQuery>;
export type ConsentPolicyQueryResult = Apollo.QueryResult<ConsentPolicyQuery, ConsentPolicyQueryVariables>;
export const GrantConsentDocument = gql`
    mutation GrantConsent($input: GrantConsentInput!) {
  grantConsent(input: $input) {
    id
    type
    granted
    grantedAt
  }
}
    `;
export type GrantConsentMutationFn = Apollo.MutationFunction<GrantConsentMutation, GrantConsentMutationVariables>;

/**
 * __useGrantConsentMutation__
 *
 * To run a mutation, you first call `useGrantConsentMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useGrantConsentMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [grantConsentMutation, { data, loading, error }] = useGrantConsentMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useGrantConsentMutation(baseOptions?: Apollo.MutationHookOptions<GrantConsentMutation, GrantConsentMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<GrantConsentMutation, GrantConsentMutationVariables>(GrantConsentDocument, options);
      }
export type GrantConsentMutationHookResult = ReturnType<typeof useGrantConsentMutation>;
export type GrantConsentMutationResult = Apollo.MutationResult<GrantConsentMutation>;
export type GrantConsentMutationOptions = Apollo.BaseMutationOptions<GrantConsentMutation, GrantConsentMutationVariables>;
export const RevokeConsentDocument = gql`
    mutation RevokeConsent($id: ID!) {
  revokeConsent(id: $id) {
    id
    granted
    revokedAt
  }
}
    `;
export type RevokeConsentMutationFn = Apollo.MutationFunction<RevokeConsentMutation, RevokeConsentMutationVariables>;

/**
 * __useRevokeConsentMutation__
 *
 * To run a mutation, you first call `useRevokeConsentMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRevokeConsentMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [revokeConsentMutation, { data, loading, error }] = useRevokeConsentMutation({
 *   variables: {
 *      id: // value for 'id'
 *   },
 * });
 */
export function useRevokeConsentMutation(baseOptions?: Apollo.MutationHookOptions<RevokeConsentMutation, RevokeConsentMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<RevokeConsentMutation, RevokeConsentMutationVariables>(RevokeConsentDocument, options);
      }
export type RevokeConsentMutationHookResult = ReturnType<typeof useRevokeConsentMutation>;
export type RevokeConsentMutationResult = Apollo.MutationResult<RevokeConsentMutation>;
export type RevokeConsentMutationOptions = Apollo.BaseMutationOptions<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const MyConsentsDocument = gql`
    query MyConsents {
  me {
    id
    consents {
      id
      type
      granted
      policyVersion
      clinic {
        id
        name
      }
    }
  }
}
    `;

/**
 * __useMyConsentsQuery__
 *
 * To run a query within a React component, call `useMyConsentsQuery` and pass it any options that fit your needs.
 * When your component renders, `useMyConsentsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMyConsentsQuery({
 *   variables: {
 *   },
 * });
 */
export function useMyConsentsQuery(baseOptions?: Apollo.QueryHookOptions<MyConsentsQuery, MyConsentsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<MyConsentsQuery, MyConsentsQueryVariables>(MyConsentsDocument, options);
      }
export function useMyConsentsLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<MyConsentsQuery, MyConsentsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<MyConsentsQuery, MyConsentsQueryVariables>(MyConsentsDocument, options);
        }
// @ts-ignore
export function useMyConsentsSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<MyConsentsQuery, MyConsentsQueryVariables>): Apollo.UseSuspenseQueryResult<MyConsentsQuery, MyConsentsQueryVariables>;
export function useMyConsentsSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MyConsentsQuery, MyConsentsQueryVariables>): Apollo.UseSuspenseQueryResult<MyConsentsQuery | undefined, MyConsentsQueryVariables>;
export function useMyConsentsSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MyConsentsQuery, MyConsentsQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<MyConsentsQuery, MyConsentsQueryVariables>(MyConsentsDocument, options);
        }
export type MyConsentsQueryHookResult = ReturnType<typeof useMyConsentsQuery>;
export type MyConsentsLazyQueryHookResult = ReturnType<typeof useMyConsentsLazyQuery>;
export type MyConsentsSuspenseQueryHookResult = ReturnType<typeof useMyConsentsSuspenseQuery>;
export type MyConsentsQueryResult = Apollo.QueryResult<MyConsentsQuery, MyConsentsQueryVariables>;
export const StartConversationDocument = gql`
    mutation StartConversation {
  startConversation {
    id
    createdAt
  }
}
    `;
export type StartConversationMutationFn = Apollo.MutationFunction<StartConversationMutation, StartConversationMutationVariables>;

/**
 * __useStartConversationMutation__
 *
 * To run a mutation, you first call `useStartConversationMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useStartConversationMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [startConversationMutation, { data, loading, error }] = useStartConversationMutation({
 *   variables: {
 *   },
 * });
 */
export function useStartConversationMutation(baseOptions?: Apollo.MutationHookOptions<StartConversationMutation, StartConversationMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<StartConversationMutation, StartConversationMutationVariables>(StartConversationDocument, options);
      }
export type StartConversationMutationHookResult = ReturnType<typeof useStartConversationMutation>;
export type StartConversationMutationResult = Apollo.MutationResult<StartConversationMutation>;
export type StartConversationMutationOptions = Apollo.BaseMutationOptions<StartConversationMutation, StartConversationMutationVariables>;
export const SendMessageDocument = gql`
    mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    userMessage {
      id
      text
      voice
      createdAt
    }
    reply {
      id
      text
      createdAt
    }
    emotion {
      id
      emotion
      confidence
      source
    }
    risk {
      id
      level
    }
  }
}
    `;
export type SendMessageMutationFn = Apollo.MutationFunction<SendMessageMutation, SendMessageMutationVariables>;

/**
 * __useSendMessageMutation__
 *
 * To run a mutation, you first call `useSendMessageMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSendMessageMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [sendMessageMutation, { data, loading, error }] = useSendMessageMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useSendMessageMutation(baseOptions?: Apollo.MutationHookOptions<SendMessageMutation, SendMessageMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<SendMessageMutation, SendMessageMutationVariables>(SendMessageDocument, options);
      }
export type SendMessageMutationHookResult = ReturnType<typeof useSendMessageMutation>;
export type SendMessageMutationResult = Apollo.MutationResult<SendMessageMutation>;
export type SendMessageMutationOptions = Apollo.BaseMutationOptions<SendMessageMutation, SendMessageMutationVariables>;
export const SyncMessagesDocument = gql`
    mutation SyncMessages($input: SyncMessagesInput!) {
  syncMessages(input: $input) {
    userMessage {
      id
      text
      clientMessageId
      createdAt
    }
    reply {
      id
      text
      createdAt
    }
    risk {
      id
      level
    }
  }
}
    `;
export type SyncMessagesMutationFn = Apollo.MutationFunction<SyncMessagesMutation, SyncMessagesMutationVariables>;

/**
 * __useSyncMessagesMutation__
 *
 * To run a mutation, you first call `useSyncMessagesMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSyncMessagesMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [syncMessagesMutation, { data, loading, error }] = useSyncMessagesMutation({
 *   variables: {
 *      input: // value for 'input'
 *   },
 * });
 */
export function useSyncMessagesMutation(baseOptions?: Apollo.MutationHookOptions<SyncMessagesMutation, SyncMessagesMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<SyncMessagesMutation, SyncMessagesMutationVariables>(SyncMessagesDocument, options);
      }
export type SyncMessagesMutationHookResult = ReturnType<typeof useSyncMessagesMutation>;
export type SyncMessagesMutationResult = Apollo.MutationResult<SyncMessagesMutation>;
export type SyncMessagesMutationOptions = Apollo.BaseMutationOptions<SyncMessagesMutation, SyncMessagesMutationVariables>;
export const ConversationHistoryDocument = gql`
    query ConversationHistory($id: ID!, $first: Int, $after: String) {
  conversation(id: $id) {
    id
    messages(first: $first, after: $after) {
      id
      role
      text
      createdAt
      cursor
      emotion {
        emotion
        confidence
      }
      risk {
        level
      }
    }
  }
}
    `;

/**
 * __useConversationHistoryQuery__
 *
 * To run a query within a React component, call `useConversationHistoryQuery` and pass it any options that fit your needs.
 * When your component renders, `useConversationHistoryQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useConversationHistoryQuery({
 *   variables: {
 *      id: // value for 'id'
 *      first: // value for 'first'
 *      after: // value for 'after'
 *   },
 * });
 */
export function useConversationHistoryQuery(baseOptions: Apollo.QueryHookOptions<ConversationHistoryQuery, ConversationHistoryQueryVariables> & ({ variables: ConversationHistoryQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<ConversationHistoryQuery, ConversationHistoryQueryVariables>(ConversationHistoryDocument, options);
      }
export function useConversationHistoryLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<ConversationHistoryQuery, ConversationHistoryQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<ConversationHistoryQuery, ConversationHistoryQueryVariables>(ConversationHistoryDocument, options);
        }
// @ts-ignore
export function useConversationHistorySuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<ConversationHistoryQuery, ConversationHistoryQueryVariables>): Apollo.UseSuspenseQueryResult<ConversationHistoryQuery, ConversationHistoryQueryVariables>;
export function useConversationHistorySuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<ConversationHistoryQuery, ConversationHistoryQueryVariables>): Apollo.UseSuspenseQueryResult<ConversationHistoryQuery | undefined, ConversationHistoryQueryVariables>;
export function useConversationHistorySuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<ConversationHistoryQuery, ConversationHistoryQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<ConversationHistoryQuery, ConversationHistoryQueryVariables>(ConversationHistoryDocument, options);
        }
export type ConversationHistoryQueryHookResult = ReturnType<typeof useConversationHistoryQuery>;
export type ConversationHistoryLazyQueryHookResult = ReturnType<typeof useConversationHistoryLazyQuery>;
export type ConversationHistorySuspenseQueryHookResult = ReturnType<typeof useConversationHistorySuspenseQuery>;
export type ConversationHistoryQueryResult = Apollo.QueryResult<ConversationHistoryQuery, ConversationHistoryQueryVariables>;
export const MyWellbeingDocument = gql`
    query MyWellbeing {
  me {
    id
    emotionReadings(first: 30) {
      emotion
      valence
      arousal
      createdAt
    }
    riskAssessments(first: 10) {
      level
      createdAt
    }
  }
}
    `;

/**
 * __useMyWellbeingQuery__
 *
 * To run a query within a React component, call `useMyWellbeingQuery` and pass it any options that fit your needs.
 * When your component renders, `useMyWellbeingQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMyWellbeingQuery({
 *   variables: {
 *   },
 * });
 */
export function useMyWellbeingQuery(baseOptions?: Apollo.QueryHookOptions<MyWellbeingQuery, MyWellbeingQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<MyWellbeingQuery, MyWellbeingQueryVariables>(MyWellbeingDocument, options);
      }
export function useMyWellbeingLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<MyWellbeingQuery, MyWellbeingQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<MyWellbeingQuery, MyWellbeingQueryVariables>(MyWellbeingDocument, options);
        }
// @ts-ignore
export function useMyWellbeingSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<MyWellbeingQuery, MyWellbeingQueryVariables>): Apollo.UseSuspenseQueryResult<MyWellbeingQuery, MyWellbeingQueryVariables>;
export function useMyWellbeingSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MyWellbeingQuery, MyWellbeingQueryVariables>): Apollo.UseSuspenseQueryResult<MyWellbeingQuery | undefined, MyWellbeingQueryVariables>;
export function useMyWellbeingSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MyWellbeingQuery, MyWellbeingQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<MyWellbeingQuery, MyWellbeingQueryVariables>(MyWellbeingDocument, options);
        }
export type MyWellbeingQueryHookResult = ReturnType<typeof useMyWellbeingQuery>;
export type MyWellbeingLazyQueryHookResult = ReturnType<typeof useMyWellbeingLazyQuery>;
export type MyWellbeingSuspenseQueryHookResult = ReturnType<typeof useMyWellbeingSuspenseQuery>;
export type MyWellbeingQueryResult = Apollo.QueryResult<MyWellbeingQuery, MyWellbeingQueryVariables>;