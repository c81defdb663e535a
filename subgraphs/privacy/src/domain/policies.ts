import { readFileSync } from 'node:fs';
import type { ConsentType } from '../entities.js';

export type PolicyLanguage = 'EN' | 'SW';

/** The current policy of one consent type, as shipped in `data/consent-policies.json`. */
export interface ConsentPolicy {
  type: ConsentType;
  version: string;
  text: Record<PolicyLanguage, string>;
}

const data = JSON.parse(readFileSync(new URL('../../data/consent-policies.json', import.meta.url), 'utf8')) as Record<
  ConsentType,
  Omit<ConsentPolicy, 'type'>
>;

/** Every consent type's current policy. */
export const POLICIES: ReadonlyMap<ConsentType, ConsentPolicy> = new Map(
  (Object.entries(data) as [ConsentType, Omit<ConsentPolicy, 'type'>][]).map(([type, policy]) => [type, { type, ...policy }]),
);

export function currentPolicy(type: ConsentType): ConsentPolicy {
  const policy = POLICIES.get(type);
  if (!policy) throw new Error(`No consent policy for ${type}`);
  return policy;
}
