import type { IRules } from 'graphql-shield';
import { allow, isSelf, ownsParent } from '@resona/subgraph';
import type { UIConfig } from './entities.js';

/** Who may read what in personalization. Anything not listed is denied. */
export const permissions: IRules = {
  // A config is readable by its owner (and Resona's services) only, however it was reached.
  UIConfig: ownsParent<UIConfig>((config) => config.userId),
  User: { id: allow, uiConfig: isSelf },
};
