/**
 * A risk service process that dies the worst way (SIGKILL: no cleanup, no finally) right after a
 * HIGH assessment commits with its escalation, alert and outbox rows, before its relay could send
 * anything. For crash.test.ts. Args: databaseUrl, contacts file, person, clinic.
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '@resona/config';
import { createOrm } from '@resona/db';
import { MemoryPubSub } from '@resona/pubsub';
import { migrations } from '../migrations/index.js';
import { recordAssessmentWithAlerts } from '../src/domain/alerts.js';
import { loadContacts } from '../src/domain/notify.js';
import { entities } from '../src/entities.js';

const [databaseUrl, contactsFile, userId, clinicId] = process.argv.slice(2) as [string, string, string, string];
const orm = await createOrm({ databaseUrl, schema: 'risk', entities, migrations });
await orm.migrate();
const assessment = await recordAssessmentWithAlerts(
  orm.orm.em.fork(),
  { userId, messageId: randomUUID(), level: 'HIGH', score: 0.65, signals: [{ code: 'CSSRS_IDEATION', weight: 0.8, detail: 'test' }] },
  {
    sharingClinics: async () => [clinicId],
    pubsub: new MemoryPubSub(),
    logger: createLogger('crash-child', 'silent'),
    escalation: { contacts: loadContacts(contactsFile), smsEnabled: true, reminderMs: { HIGH: 60_000, IMMINENT: 60_000 } },
  },
);
process.stdout.write(`committed ${assessment.id}\n`);
process.kill(process.pid, 'SIGKILL');
