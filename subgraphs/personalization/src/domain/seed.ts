import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@resona/subgraph';
import { UIConfigEntity } from '../entities.js';
import { publishUiConfig, type PersonSignals } from './builder.js';

/** Varied first interfaces, cycled through the patients. */
const PROFILES: PersonSignals[] = [{}, { dominantEmotion: 'SAD', highestRisk: 'MODERATE' }, { prefersDark: true }, { dominantEmotion: 'HAPPY' }];

/** A first interface (version 1) for every patient who has none yet. */
export async function seedConfigs(em: EntityManager, world: DemoWorld): Promise<void> {
  const patients = world.users.filter((u) => u.roles.includes('PATIENT'));
  if (!patients.length) return;
  const existing = await em.find(UIConfigEntity, { userId: { $in: patients.map((p) => p.id) } });
  const done = new Set(existing.map((c) => c.userId));
  for (const [index, patient] of patients.entries()) {
    if (!done.has(patient.id)) await publishUiConfig(em, patient.id, PROFILES[index % PROFILES.length]);
  }
}
