import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * Every limit a GraphQL request must respect, in one place, applied to HTTP and WebSocket alike.
 * The numbers fit the deepest query our own clients send (a dashboard's crisis alert with its
 * assessment, person and UI config is depth 6) with room to spare, and stop the known abuses:
 * deep nesting, alias and directive overloading, token floods and expensive fan-out.
 */
export const LIMITS = {
  /** Deepest selection nesting (fragments flattened). */
  maxDepth: 10,
  /** Aliases per operation: alias overloading repeats expensive fields under new names. */
  maxAliases: 15,
  /** Directives per operation: directive overloading makes the parser and validator work hard. */
  maxDirectives: 20,
  /** Lexical tokens per document, checked while parsing, before any validation runs. */
  maxTokens: 2_000,
  /**
   * Estimated cost: objects 2, scalars 1, times 1.5 per level of depth, times a list's literal
   * `first`. 50,000 admits a dashboard reading 5 conversations of 50 messages with their emotion
   * and risk, and refuses 100 × 100 fan-outs. (A `first` passed as a variable is not multiplied;
   * subgraphs still cap every page at 100 items.)
   */
  maxCost: 50_000,
  /** Largest request body, HTTP or a WebSocket message. */
  maxBodyBytes: 100 * 1024,
  /** Largest HTTP body of a signed-in person: a voice message (2 MiB of audio, base64) and its query. */
  maxPersonBodyBytes: 3 * 1024 * 1024,
} as const;

/** Validation rules enforcing `LIMITS`; each failure is a `GRAPHQL_VALIDATION_FAILED` error. */
export function limitRules(limits = LIMITS): ValidationRule[] {
  // Report as validation errors (400 GRAPHQL_VALIDATION_FAILED) instead of throwing, which would be a 500.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ ...report, n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true }),
    maxAliasesRule({ ...report, n: limits.maxAliases }),
    maxDirectivesRule({ ...report, n: limits.maxDirectives }),
    costLimitRule({ ...report, maxCost: limits.maxCost, ignoreIntrospection: true }),
  ] as unknown as ValidationRule[];
}
