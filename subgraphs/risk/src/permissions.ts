import type { IRules } from 'graphql-shield';
import { allow, isAuthenticated, isSelf, isService, or, ownsParent } from '@resona/subgraph';
import type { RiskAssessment } from './entities.js';

/** Who may read what in risk. Anything not listed is denied. */
export const permissions: IRules = {
  // An assessment is readable by its owner (and Resona's services) only, however it was reached.
  RiskAssessment: ownsParent<RiskAssessment>((assessment) => assessment.userId),
  RiskSignal: allow,
  User: { id: allow, riskAssessments: isSelf },
  // Anyone signed in may ask; the assessment's own rule decides whether they see it.
  Message: { id: allow, risk: or(isService, isAuthenticated) },
};
