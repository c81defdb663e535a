import { allow, rule, shield, type IRules } from 'graphql-shield';
import { forbidden, unauthenticated } from '@resona/errors';
import type { Role } from '@resona/auth';
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
