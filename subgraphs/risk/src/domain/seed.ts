import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@resona/subgraph';
import { RiskAssessmentEntity } from '../entities.js';
import { recordAssessment, type AssessmentInput } from './assessments.js';

type Assessment = Pick<AssessmentInput, 'score' | 'signals'>;

const CALM: Assessment[] = [
  { score: 0.04, signals: [] },
  { score: 0.12, signals: [{ code: 'LOW_MOOD', weight: 0.1, detail: 'Mentions feeling down' }] },
  { score: 0.27, signals: [{ code: 'STRESS', weight: 0.2, detail: 'Work or school pressure' }, { code: 'POOR_SLEEP', weight: 0.1 }] },
  { score: 0.08, signals: [] },
];
const MODERATE: Assessment = {
  score: 0.48,
  signals: [
    { code: 'HOPELESSNESS', weight: 0.3, detail: 'Says things will not get better' },
    { code: 'NEGATIVE_AFFECT', weight: 0.15, detail: 'Sad voice over several turns' },
    { code: 'ISOLATION', weight: 0.1 },
  ],
};
/** Words that make a message the demo's one MODERATE assessment (English, Swahili, Sheng). */
const HEAVY = /hopeless|alone|can't go on|tired of|nimechoka|sina tumaini|niko down/i;

/**
 * An assessment for every patient's own (USER) messages: mostly NONE/LOW, and exactly one
 * MODERATE (the first heavy-sounding message, else the last one). Messages already assessed are skipped.
 */
export async function seedAssessments(em: EntityManager, world: DemoWorld): Promise<void> {
  const patients = new Set(world.users.filter((u) => u.roles.includes('PATIENT')).map((u) => u.id));
  const messages = world.messages.filter((m) => m.role === 'USER' && patients.has(m.userId));
  if (!messages.length) return;
  const existing = await em.find(RiskAssessmentEntity, { messageId: { $in: messages.map((m) => m.id) } });
  const done = new Set(existing.map((a) => a.messageId));
  const moderate = (messages.find((m) => HEAVY.test(m.text)) ?? messages[messages.length - 1]!).id;
  for (const [index, message] of messages.entries()) {
    if (done.has(message.id)) continue;
    const assessment = message.id === moderate ? MODERATE : CALM[index % CALM.length]!;
    await recordAssessment(em, {
      userId: message.userId,
      messageId: message.id,
      ...assessment,
      createdAt: new Date(message.createdAt.getTime() + 700),
    });
  }
}
