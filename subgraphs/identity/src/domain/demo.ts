import { randomUUID } from 'node:crypto';
import { hashPassword, Role } from '@resona/auth';
import type { Orm } from '@resona/db';
import type { DemoWorld } from '@resona/subgraph';
import { ClinicEntity, UserEntity, type Language } from '../entities.js';

/** The password of every demo account (README lists them). */
export const DEMO_PASSWORD = 'Resona-demo-2026';

/**
 * Resona's own on-call and safety team in the demo: a fixed id, so the all-in-one process can name
 * it as the risk subgraph's on-call clinic and conversation's safety reviewers before it is seeded.
 */
export const DEMO_ONCALL_CLINIC_ID = '5e50a0ca-11c1-4d1c-9a7e-0000000000c1';

const DEMO_CLINICS: { id: string; name: string }[] = [
  { id: randomUUID(), name: 'Demo Clinic Nairobi' },
  { id: randomUUID(), name: 'Demo Clinic Mombasa' },
  { id: DEMO_ONCALL_CLINIC_ID, name: 'Resona On-call (demo)' },
];

const DEMO_USERS: { email: string; displayName: string; roles: Role[]; clinic: number | null; language: Language }[] = [
  { email: 'admin@demo.resona.test', displayName: 'Demo Admin', roles: [Role.ADMIN], clinic: null, language: 'EN' },
  { email: 'clinician@demo.resona.test', displayName: 'Dr. Achieng Otieno', roles: [Role.CLINICIAN], clinic: 0, language: 'EN' },
  { email: 'clinician2@demo.resona.test', displayName: 'Dr. Salim Mwinyi', roles: [Role.CLINICIAN], clinic: 1, language: 'SW' },
  { email: 'oncall@demo.resona.test', displayName: 'Nurse Halima Said', roles: [Role.CLINICIAN], clinic: 2, language: 'SW' },
  { email: 'patient1@demo.resona.test', displayName: 'Amani', roles: [Role.PATIENT], clinic: null, language: 'SW' },
  { email: 'patient2@demo.resona.test', displayName: 'Brian', roles: [Role.PATIENT], clinic: null, language: 'EN' },
  { email: 'patient3@demo.resona.test', displayName: 'Wanjiku', roles: [Role.PATIENT], clinic: null, language: 'MIXED' },
];

/** Two clinics and Resona's on-call team, a clinician in each, an admin and three patients. */
export async function seedDemoAccounts(orm: Orm, world: DemoWorld): Promise<void> {
  const em = orm.orm.em.fork();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const clinics = DEMO_CLINICS.map(({ id, name }) => em.create(ClinicEntity, { id, name, createdAt: new Date() }));
  await em.flush(); // clinics first: users refer to them
  for (const demo of DEMO_USERS) {
    const user = em.create(UserEntity, {
      id: randomUUID(),
      email: demo.email,
      passwordHash,
      displayName: demo.displayName,
      preferredLanguage: demo.language,
      roles: demo.roles,
      clinicId: demo.clinic === null ? null : clinics[demo.clinic]!.id,
      emailVerified: true,
      mfaEnabled: false,
      totpSecret: null,
      totpKekVersion: null,
      totpLastCounter: null,
      createdAt: new Date(),
    });
    world.users.push({ id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, clinicId: user.clinicId, preferredLanguage: user.preferredLanguage });
  }
  await em.flush();
  world.clinics.push(...clinics.map((c) => ({ id: c.id, name: c.name })));
}
