import type { Orm } from '@resona/db';
import type { DemoWorld } from '@resona/subgraph';
import type { PrivacyConfig } from './config.js';
import { Consents } from './domain/consents.js';
import { currentPolicy } from './domain/policies.js';
import type { ConsentType } from './entities.js';

/** The clinic demo patients share with (seeded by identity). */
export const DEMO_CLINIC_NAME = 'Demo Clinic Nairobi';

const DEMO_CONSENTS: ConsentType[] = ['VOICE_PROCESSING', 'EMOTION_ANALYSIS', 'CLINIC_SHARING'];

/** Demo patients consent to voice processing, emotion analysis and sharing with the demo clinic. Re-running changes nothing. */
export async function seedConsents(orm: Orm, world: DemoWorld, _config: PrivacyConfig): Promise<void> {
  const clinic = world.clinics.find((c) => c.name === DEMO_CLINIC_NAME);
  const consents = new Consents(orm.orm.em.fork());
  const origin = { ip: null, userAgent: 'resona-seed' };
  for (const user of world.users.filter((u) => u.roles.includes('PATIENT'))) {
    for (const type of DEMO_CONSENTS) {
      if (type === 'CLINIC_SHARING' && !clinic) continue;
      const clinicId = type === 'CLINIC_SHARING' ? clinic!.id : null;
      await consents.grant(user.id, { type, clinicId, policyVersion: currentPolicy(type).version }, origin);
    }
  }
}
