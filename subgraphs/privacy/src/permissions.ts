import type { IRules } from 'graphql-shield';
import { allow, isAuthenticated, isSelf, ownsParent } from '@resona/subgraph';
import type { Consent } from './entities.js';

/** Who may read and do what in privacy. Anything not listed is denied. */
export const permissions: IRules = {
  // Anyone may read a policy before signing up.
  Query: { consentPolicy: allow },
  ConsentPolicy: allow,
  Mutation: { grantConsent: isAuthenticated, revokeConsent: isAuthenticated },
  // Only the person (or a Resona service) reads their consent records, however they were reached.
  Consent: { '*': ownsParent<Consent>((c) => c.userId) },
  Clinic: { id: allow },
  User: { id: allow, consents: isSelf },
};
