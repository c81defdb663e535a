import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type CryptoKey } from 'jose';
import { SIGNING_ALG } from './keys.js';
import type { Principal, Role } from './principal.js';

/** Issuer and audience names, so a token made for one purpose is never accepted for another. */
export const TokenParty = {
  IDENTITY: 'resona-identity',
  GATEWAY: 'resona-gateway',
  API: 'resona-api',
  SUBGRAPHS: 'resona-subgraphs',
} as const;

/** Access tokens live 15 minutes: short enough that a stolen one is soon useless. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Internal tokens cover one request from the gateway to a subgraph. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
/** Tolerated clock difference between services. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface AccessClaims {
  userId: string;
  /** Expiry, epoch milliseconds. */
  expiresAtMs?: number;
  roles: Role[];
  clinicId: string | null;
  /** The refresh-token family (session) this access token belongs to. */
  sessionId: string;
  /** A second factor was verified at login. */
  mfa?: boolean;
}

/** Identity signs access tokens for people; the gateway verifies them. */
export async function signAccessToken(key: CryptoKey, claims: AccessClaims, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ roles: claims.roles, clinicId: claims.clinicId, sid: claims.sessionId, mfa: claims.mfa ?? false })
    .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(TokenParty.IDENTITY)
    .setAudience(TokenParty.API)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/** Verifies signature, algorithm, issuer, audience and expiry; throws on anything else. */
export async function verifyAccessToken(key: CryptoKey, token: string): Promise<AccessClaims> {
  const { payload } = await jwtVerify(token, key, {
    algorithms: [SIGNING_ALG],
    issuer: TokenParty.IDENTITY,
    audience: TokenParty.API,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['sub', 'exp', 'iat'],
  });
  return {
    userId: payload.sub!,
    expiresAtMs: payload.exp! * 1000,
    roles: (payload.roles as Role[]) ?? [],
    clinicId: (payload.clinicId as string | null) ?? null,
    sessionId: String(payload.sid ?? ''),
    mfa: payload.mfa === true,
  };
}

/** The gateway vouches for a caller to the subgraphs with a token that lives for one request. */
export async function signInternalToken(key: CryptoKey, principal: Principal): Promise<string> {
  const jwt = new SignJWT({
    kind: principal.kind,
    roles: principal.roles,
    clinicId: principal.clinicId,
    mfa: principal.mfa,
    apiKey: principal.apiKey ?? null,
    ip: principal.ip,
    ua: principal.userAgent,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT' })
    .setIssuer(TokenParty.GATEWAY)
    .setAudience(TokenParty.SUBGRAPHS)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`);
  if (principal.userId) jwt.setSubject(principal.userId);
  return jwt.sign(key);
}

/** Every subgraph calls this on every request, `_service` and `_entities` included. */
export async function verifyInternalToken(key: CryptoKey, token: string): Promise<Principal & { expiresAtMs: number }> {
  const { payload } = await jwtVerify(token, key, {
    algorithms: [SIGNING_ALG],
    issuer: TokenParty.GATEWAY,
    audience: TokenParty.SUBGRAPHS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'iat'],
  });
  const kind = payload.kind;
  if (kind !== 'user' && kind !== 'anonymous' && kind !== 'partner' && kind !== 'service') throw new Error('internal token has no valid kind');
  if (kind === 'user' && !payload.sub) throw new Error('user internal token has no subject');
  return {
    kind,
    expiresAtMs: payload.exp! * 1000,
    userId: payload.sub ?? null,
    roles: (payload.roles as Role[]) ?? [],
    clinicId: (payload.clinicId as string | null) ?? null,
    mfa: payload.mfa === true,
    apiKey: (payload.apiKey as Principal['apiKey']) ?? null,
    ip: (payload.ip as string | null) ?? null,
    userAgent: (payload.ua as string | null) ?? null,
    requestId: null, // per request, from the x-request-id header
  };
}

/** Reads `Authorization: Bearer <token>`; anything else is null. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
  return match ? match[1]! : null;
}
