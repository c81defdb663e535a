import type { IRules } from 'graphql-shield';
import { allow, clinicianWithConsent, isSelf, or, ownsParent } from '@resona/subgraph';
import type { UIConfig } from './entities.js';

const owner = ownsParent<UIConfig>((config) => config.userId);
/** A clinician (with MFA) of a clinic the person shares with sees which theme the person uses, nothing more. */
const sharingClinician = clinicianWithConsent<UIConfig>((config) => config.userId, 'UIConfig');

/** Who may read what in personalization. Anything not listed is denied. */
export const permissions: IRules = {
  // Components and layout order say how a person uses the app: owner (and Resona's services) only.
  UIConfig: { '*': owner, id: or(owner, sharingClinician), theme: or(owner, sharingClinician) },
  User: { id: allow, uiConfig: or(isSelf, clinicianWithConsent<{ id: string }>((user) => user.id)) },
};
