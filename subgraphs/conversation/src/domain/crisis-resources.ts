import { readFileSync } from 'node:fs';
import type { ReplyLanguage } from './language.js';

/** Countries Resona serves. */
export type Country = 'KE' | 'UG' | 'TZ';
export const COUNTRIES: Country[] = ['KE', 'UG', 'TZ'];

export interface CrisisResource {
  name: string;
  contact: string;
  source: string;
  /** True when the entry still needs a second source (see the data file's notes). */
  verify: boolean;
}

interface CrisisData {
  countries: Record<Country, { name: Record<'EN' | 'SW', string>; resources: CrisisResource[] }>;
}

const DATA = JSON.parse(readFileSync(new URL('../../data/crisis-resources.json', import.meta.url), 'utf8')) as CrisisData;

/** The crisis lines for `country`; every country's when it is unknown. */
export function crisisResources(country: Country | null | undefined): { country: Country; resources: CrisisResource[] }[] {
  const countries = country ? [country] : COUNTRIES;
  return countries.map((c) => ({ country: c, resources: DATA.countries[c].resources }));
}

/** The lines as the person reads them: one per resource, prefixed by the country when several are listed. */
export function formatCrisisResources(country: Country | null | undefined, language: ReplyLanguage): string {
  const groups = crisisResources(country);
  return groups
    .flatMap(({ country: c, resources }) =>
      resources.map((r) => `- ${groups.length > 1 ? `${DATA.countries[c].name[language === 'SW' ? 'SW' : 'EN']}: ` : ''}${r.name}: ${r.contact}`),
    )
    .join('\n');
}

/** True when `text` names every crisis line of the country (or of every country when it is unknown). */
export function hasCrisisResources(text: string, country: Country | null | undefined): boolean {
  return crisisResources(country).every(({ resources }) => resources.every((r) => text.includes(r.contact)));
}
