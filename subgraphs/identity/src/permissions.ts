import type { IRules } from 'graphql-shield';
import { allow, isAuthenticated, isSelf } from '@resona/subgraph';

/** Who may read and do what in identity. Anything not listed is denied. */
export const permissions: IRules = {
  Query: { me: isAuthenticated },
  Mutation: { register: allow, login: allow, refreshSession: allow, logout: allow },
  // Only the person themself (or a Resona service) reads their account; the id is just a key.
  User: { '*': isSelf, id: allow },
  Clinic: isAuthenticated,
  AuthPayload: allow,
};
