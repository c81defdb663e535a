/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    preferredLanguage\n    uiConfig {\n      theme\n      visibleComponents\n      layoutOrder\n    }\n  }\n}": typeof types.RegisterDocument,
    "query ConsentPolicy($type: ConsentType!, $language: PolicyLanguage) {\n  consentPolicy(type: $type) {\n    type\n    version\n    text(language: $language)\n  }\n}\n\nmutation GrantConsent($input: GrantConsentInput!) {\n  grantConsent(input: $input) {\n    id\n    type\n    granted\n    grantedAt\n  }\n}\n\nmutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    id\n    granted\n    revokedAt\n  }\n}\n\nquery MyConsents {\n  me {\n    id\n    consents {\n      id\n      type\n      granted\n      policyVersion\n      clinic {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.ConsentPolicyDocument,
    "mutation StartConversation {\n  startConversation {\n    id\n    createdAt\n  }\n}\n\nmutation SendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    userMessage {\n      id\n      text\n      createdAt\n    }\n    reply {\n      id\n      text\n      createdAt\n    }\n  }\n}\n\nquery ConversationHistory($id: ID!, $first: Int, $after: String) {\n  conversation(id: $id) {\n    id\n    messages(first: $first, after: $after) {\n      id\n      role\n      text\n      createdAt\n      cursor\n      emotion {\n        emotion\n        confidence\n      }\n      risk {\n        level\n      }\n    }\n  }\n}\n\nquery MyWellbeing {\n  me {\n    id\n    emotionReadings(first: 30) {\n      emotion\n      valence\n      arousal\n      createdAt\n    }\n    riskAssessments(first: 10) {\n      level\n      createdAt\n    }\n  }\n}": typeof types.StartConversationDocument,
};
const documents: Documents = {
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    preferredLanguage\n    uiConfig {\n      theme\n      visibleComponents\n      layoutOrder\n    }\n  }\n}": types.RegisterDocument,
    "query ConsentPolicy($type: ConsentType!, $language: PolicyLanguage) {\n  consentPolicy(type: $type) {\n    type\n    version\n    text(language: $language)\n  }\n}\n\nmutation GrantConsent($input: GrantConsentInput!) {\n  grantConsent(input: $input) {\n    id\n    type\n    granted\n    grantedAt\n  }\n}\n\nmutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    id\n    granted\n    revokedAt\n  }\n}\n\nquery MyConsents {\n  me {\n    id\n    consents {\n      id\n      type\n      granted\n      policyVersion\n      clinic {\n        id\n        name\n      }\n    }\n  }\n}": types.ConsentPolicyDocument,
    "mutation StartConversation {\n  startConversation {\n    id\n    createdAt\n  }\n}\n\nmutation SendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    userMessage {\n      id\n      text\n      createdAt\n    }\n    reply {\n      id\n      text\n      createdAt\n    }\n  }\n}\n\nquery ConversationHistory($id: ID!, $first: Int, $after: String) {\n  conversation(id: $id) {\n    id\n    messages(first: $first, after: $after) {\n      id\n      role\n      text\n      createdAt\n      cursor\n      emotion {\n        emotion\n        confidence\n      }\n      risk {\n        level\n      }\n    }\n  }\n}\n\nquery MyWellbeing {\n  me {\n    id\n    emotionReadings(first: 30) {\n      emotion\n      valence\n      arousal\n      createdAt\n    }\n    riskAssessments(first: 10) {\n      level\n      createdAt\n    }\n  }\n}": types.StartConversationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    preferredLanguage\n    uiConfig {\n      theme\n      visibleComponents\n      layoutOrder\n    }\n  }\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    user {\n      id\n    }\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    preferredLanguage\n    uiConfig {\n      theme\n      visibleComponents\n      layoutOrder\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsentPolicy($type: ConsentType!, $language: PolicyLanguage) {\n  consentPolicy(type: $type) {\n    type\n    version\n    text(language: $language)\n  }\n}\n\nmutation GrantConsent($input: GrantConsentInput!) {\n  grantConsent(input: $input) {\n    id\n    type\n    granted\n    grantedAt\n  }\n}\n\nmutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    id\n    granted\n    revokedAt\n  }\n}\n\nquery MyConsents {\n  me {\n    id\n    consents {\n      id\n      type\n      granted\n      policyVersion\n      clinic {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query ConsentPolicy($type: ConsentType!, $language: PolicyLanguage) {\n  consentPolicy(type: $type) {\n    type\n    version\n    text(language: $language)\n  }\n}\n\nmutation GrantConsent($input: GrantConsentInput!) {\n  grantConsent(input: $input) {\n    id\n    type\n    granted\n    grantedAt\n  }\n}\n\nmutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    id\n    granted\n    revokedAt\n  }\n}\n\nquery MyConsents {\n  me {\n    id\n    consents {\n      id\n      type\n      granted\n      policyVersion\n      clinic {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartConversation {\n  startConversation {\n    id\n    createdAt\n  }\n}\n\nmutation SendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    userMessage {\n      id\n      text\n      createdAt\n    }\n    reply {\n      id\n      text\n      createdAt\n    }\n  }\n}\n\nquery ConversationHistory($id: ID!, $first: Int, $after: String) {\n  conversation(id: $id) {\n    id\n    messages(first: $first, after: $after) {\n      id\n      role\n      text\n      createdAt\n      cursor\n      emotion {\n        emotion\n        confidence\n      }\n      risk {\n        level\n      }\n    }\n  }\n}\n\nquery MyWellbeing {\n  me {\n    id\n    emotionReadings(first: 30) {\n      emotion\n      valence\n      arousal\n      createdAt\n    }\n    riskAssessments(first: 10) {\n      level\n      createdAt\n    }\n  }\n}"): (typeof documents)["mutation StartConversation {\n  startConversation {\n    id\n    createdAt\n  }\n}\n\nmutation SendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    userMessage {\n      id\n      text\n      createdAt\n    }\n    reply {\n      id\n      text\n      createdAt\n    }\n  }\n}\n\nquery ConversationHistory($id: ID!, $first: Int, $after: String) {\n  conversation(id: $id) {\n    id\n    messages(first: $first, after: $after) {\n      id\n      role\n      text\n      createdAt\n      cursor\n      emotion {\n        emotion\n        confidence\n      }\n      risk {\n        level\n      }\n    }\n  }\n}\n\nquery MyWellbeing {\n  me {\n    id\n    emotionReadings(first: 30) {\n      emotion\n      valence\n      arousal\n      createdAt\n    }\n    riskAssessments(first: 10) {\n      level\n      createdAt\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;