import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@resona/errors';

/** SHA-256, hex: how tokens, codes and keys are stored (never the values themselves). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** 32 random bytes, base64url: mail tokens, OIDC state. */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Stable error code: the account has a second factor and the request gave no valid one. */
export const MFA_REQUIRED = ErrorCode.MFA_REQUIRED;

export const mfaRequired = () =>
  new GraphQLError('Enter the code from your authenticator app, or a recovery code.', { extensions: { code: MFA_REQUIRED } });

/** Too many attempts; try again after `retryAfterSeconds`. */
export const rateLimited = (retryAfterSeconds: number) =>
  new GraphQLError('Too many attempts. Please wait and try again.', {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) },
  });
