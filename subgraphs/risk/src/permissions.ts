import type { IRules } from 'graphql-shield';
import { allow, clinicianWithConsent, isAuthenticated, isSelf, isService, or, ownsParent, partnerKeyWithConsent } from '@resona/subgraph';
import type { RiskAssessment } from './entities.js';

/** Who may read what in risk (docs/authorization.md has the whole table). Anything not listed is denied. */
export const permissions: IRules = {
  // The owner (and Resona's services); a clinician with MFA, or a partner key with `risk:read`, of a
  // clinic the owner shares with now. However it was reached (list, message, _entities).
  RiskAssessment: or(
    ownsParent<RiskAssessment>((x) => x.userId),
    clinicianWithConsent<RiskAssessment>((x) => x.userId),
    partnerKeyWithConsent<RiskAssessment>('risk:read', (x) => x.userId),
  ),
  RiskSignal: allow,
  User: {
    id: allow,
    riskAssessments: or(isSelf, clinicianWithConsent<{ id: string }>((u) => u.id, 'RiskAssessment'), partnerKeyWithConsent<{ id: string }>('risk:read', (u) => u.id, 'RiskAssessment')),
  },
  // Anyone signed in may ask; the assessment's own rule decides whether they see it.
  Message: { id: allow, risk: or(isService, isAuthenticated) },
};
