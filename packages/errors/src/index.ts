import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values every service returns. Clients switch on these, never on messages. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The account has a second factor: send `totpCode` or `recoveryCode` with the login. */
  MFA_REQUIRED: 'MFA_REQUIRED',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that Apollo Server itself produces for malformed requests; safe to show as they are. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Codes we raise on purpose. `INTERNAL_SERVER_ERROR` is not one: it is what unexpected errors become. */
const OUR_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

/** True when an error's code is one we deliberately expose (ours or Apollo's request errors). */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && (OUR_CODES.has(code) || APOLLO_REQUEST_CODES.has(code));
}

function coded(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, status?: number) {
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

export const unauthenticated = (message = 'You must be signed in.') =>
  coded(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') => coded(ErrorCode.FORBIDDEN, message);
/** Input the caller must fix; `field` names it, `extra` adds stable details (e.g. an audio file's `reason`). */
export const badUserInput = (message: string, field?: string, extra: Record<string, unknown> = {}) =>
  coded(ErrorCode.BAD_USER_INPUT, message, { ...(field ? { field } : {}), ...extra });
export const notFound = (message = 'Not found.') => coded(ErrorCode.NOT_FOUND, message);

/** A request that reached a service without a valid internal identity token. */
export const missingInternalToken = () =>
  coded(ErrorCode.UNAUTHENTICATED, 'This service only answers the Resona gateway.', {}, 401);
