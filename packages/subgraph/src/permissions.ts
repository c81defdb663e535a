import { allow, rule, shield, type IRules } from 'graphql-shield';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { ErrorCode, forbidden, unauthenticated } from '@resona/errors';
import type { Principal, Role } from '@resona/auth';
import type { SubgraphContext } from './context.js';

export { allow, deny, and, or, not, rule } from 'graphql-shield';

/** A signed-in person (not a public caller, not a service); others get `UNAUTHENTICATED`. */
export const isAuthenticated = rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) =>
  ctx.principal.kind === 'user' ? true : unauthenticated(),
);

/** Resona itself: export and erasure jobs, internal calls between subgraphs. */
export const isService = rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) => ctx.principal.kind === 'service');

export const hasRole = (...roles: Role[]) =>
  rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) => ctx.principal.kind === 'user' && ctx.principal.roles.some((r) => roles.includes(r)));

/**
 * The parent object belongs to the caller. `ownerOf` reads the owner's user id from the parent
 * (an entity, or a `User` reference). Services may read everything they are asked for.
 */
export const ownsParent = <P>(ownerOf: (parent: P) => string | null | undefined) =>
  rule({ cache: 'no_cache' })((parent: P, _a, ctx: SubgraphContext) => {
    if (ctx.principal.kind === 'service') return true;
    return ctx.principal.kind === 'user' && !!ctx.principal.userId && ownerOf(parent) === ctx.principal.userId;
  });

/** The `User` this field hangs on is the caller. */
export const isSelf = ownsParent<{ id: string }>((user) => user.id);

/** The roles that act for a clinic. */
const CLINIC_ROLES: Role[] = ['CLINICIAN', 'CLINIC_ADMIN'];

/** The message a clinician without a second factor gets: they can fix it by enrolling MFA. */
export const MFA_REQUIRED_MESSAGE = 'Multi-factor authentication is required to read patient data. Enable MFA and sign in again.';

/**
 * A signed-in clinician or clinic admin of a clinic (not a partner key, not the person themself):
 * `ok`, `mfa` (one without a second factor: refuse with MFA_REQUIRED_MESSAGE so `or(...)` passes it
 * on instead of a bare FORBIDDEN) or `no`.
 */
export function clinicCaller(p: Principal): 'ok' | 'no' | 'mfa' {
  if (p.kind !== 'user' || p.apiKey || !p.clinicId || !p.roles.some((r) => CLINIC_ROLES.includes(r))) return 'no';
  return p.mfa === true ? 'ok' : 'mfa';
}

/** A partner clinic's system with an API key holding `scope`. */
function partnerCaller(p: Principal, scope: string): boolean {
  return p.kind === 'partner' && !!p.apiKey && !!p.clinicId && p.apiKey.scopes.includes(scope);
}

/** What a granted read is recorded as: the resource type, and the object's id unless it is the `User` itself. */
function readOf(parent: unknown, info: GraphQLResolveInfo, resourceType?: string) {
  const type = resourceType ?? info.parentType.name;
  const id = info.parentType.name !== 'User' && parent && typeof parent === 'object' && 'id' in parent ? String((parent as { id: unknown }).id) : null;
  return { type, id };
}

/**
 * Whether `owner` shares with the caller's clinic. When privacy cannot answer, access is still
 * refused (fail closed), but with `SUBGRAPH_UNAVAILABLE` naming privacy, so the client knows to
 * retry rather than that it lacks permission.
 */
async function sharesOrUnavailable(ctx: SubgraphContext, owner: string): Promise<boolean | GraphQLError> {
  try {
    return await ctx.consent.shares(owner);
  } catch {
    return new GraphQLError('Consent cannot be checked right now; try again shortly.', {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'privacy' },
    });
  }
}

/**
 * A clinician or clinic admin with MFA whose clinic the owner shares with (an active
 * CLINIC_SHARING consent, checked through privacy on every request). A granted read is audited.
 * @param resourceType what the audit log calls the data read; default the parent type's name.
 */
export const clinicianWithConsent = <P>(ownerOf: (parent: P) => string | null | undefined, resourceType?: string) =>
  rule({ cache: 'no_cache' })(async (parent: P, _a, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
    const caller = clinicCaller(ctx.principal);
    if (caller === 'no') return false;
    const owner = ownerOf(parent);
    if (!owner || owner === ctx.principal.userId) return false;
    if (caller === 'mfa') return forbidden(MFA_REQUIRED_MESSAGE);
    const shares = await sharesOrUnavailable(ctx, owner);
    if (shares !== true) return shares;
    const read = readOf(parent, info, resourceType);
    ctx.audit.read(owner, read.type, read.id);
    return true;
  });

/**
 * A partner clinic's API key holding `scope`, for a person who shares with that clinic. A granted
 * read is audited.
 */
export const partnerKeyWithConsent = <P>(scope: string, ownerOf: (parent: P) => string | null | undefined, resourceType?: string) =>
  rule({ cache: 'no_cache' })(async (parent: P, _a, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
    if (!partnerCaller(ctx.principal, scope)) return false;
    const owner = ownerOf(parent);
    if (!owner) return false;
    const shares = await sharesOrUnavailable(ctx, owner);
    if (shares !== true) return shares;
    const read = readOf(parent, info, resourceType);
    ctx.audit.read(owner, read.type, read.id);
    return true;
  });

/** A clinician or clinic admin with MFA acting for a clinic (the data-level rules still decide per person). */
export const isClinicianWithMfa = rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) => {
  const caller = clinicCaller(ctx.principal);
  return caller === 'mfa' ? forbidden(MFA_REQUIRED_MESSAGE) : caller === 'ok';
});

/** A partner key of a clinic holding any of `scopes`. */
export const isPartnerKey = (...scopes: string[]) =>
  rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) => scopes.some((s) => partnerCaller(ctx.principal, s)));

/** Rules every subgraph needs: the gateway may read the SDL and resolve entities. */
const FEDERATION_RULES: IRules = {
  Query: { _service: allow, _entities: allow },
  _Service: allow,
};

/**
 * Deny-by-default shield: a field without a rule is refused with `FORBIDDEN`. Our own coded
 * errors pass through (`allowExternalErrors`); anything else is masked by the server.
 */
export function buildShield(rules: IRules) {
  const merged: Record<string, unknown> = { ...FEDERATION_RULES };
  for (const [type, typeRules] of Object.entries(rules)) {
    const base = merged[type];
    merged[type] = base && typeof base === 'object' && typeof typeRules === 'object' ? { ...base, ...typeRules } : typeRules;
  }
  return shield(merged as IRules, {
    fallbackRule: rule({ cache: 'contextual' })(() => false),
    fallbackError: () => forbidden(),
    allowExternalErrors: true,
    debug: false,
  });
}
