import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@resona/db';
import { badUserInput } from '@resona/errors';
import { UIConfigEntity, type UIConfig, type UITheme } from '../entities.js';

/** Every component the apps know, in their default order. `crisis_support` is always visible. */
export const COMPONENTS = ['voice_checkin', 'mood_timeline', 'coping_tools', 'breathing_exercise', 'journal', 'crisis_support'] as const;
export type Component = (typeof COMPONENTS)[number];

const EMOTIONS = ['NEUTRAL', 'HAPPY', 'SAD', 'ANGRY', 'FEAR', 'SURPRISE', 'DISGUST'] as const;
const RISK_LEVELS = ['NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT'] as const;

/** What the builder knows about a person (from events of other subgraphs); every field is optional. */
export interface PersonSignals {
  /** The emotion most often read lately. */
  dominantEmotion?: (typeof EMOTIONS)[number] | null;
  /** The highest risk level lately. */
  highestRisk?: (typeof RISK_LEVELS)[number] | null;
  /** The person asked for a dark or a high-contrast screen. */
  prefersDark?: boolean;
  highContrast?: boolean;
}

export type BuiltConfig = Pick<UIConfig, 'theme' | 'visibleComponents' | 'layoutOrder'>;

/**
 * Builds an interface from signals, deterministically (same signals, same interface). Defaults
 * (no signals): calm light theme, every component but breathing_exercise, in the default order.
 */
export function buildUiConfig(signals: PersonSignals = {}): BuiltConfig {
  if (signals.dominantEmotion != null && !EMOTIONS.includes(signals.dominantEmotion)) {
    throw badUserInput(`Unknown emotion ${signals.dominantEmotion}.`, 'dominantEmotion');
  }
  if (signals.highestRisk != null && !RISK_LEVELS.includes(signals.highestRisk)) {
    throw badUserInput(`Unknown risk level ${signals.highestRisk}.`, 'highestRisk');
  }
  const distressed = signals.dominantEmotion === 'SAD' || signals.dominantEmotion === 'FEAR' || signals.dominantEmotion === 'ANGRY';
  const atRisk = signals.highestRisk != null && RISK_LEVELS.indexOf(signals.highestRisk) >= RISK_LEVELS.indexOf('MODERATE');
  const theme: UITheme = signals.highContrast ? 'HIGH_CONTRAST' : signals.prefersDark ? 'CALM_DARK' : distressed ? 'WARM' : 'CALM_LIGHT';

  const visible = new Set<Component>(COMPONENTS.filter((c) => c !== 'breathing_exercise'));
  if (distressed || atRisk) visible.add('breathing_exercise');
  // Most important first: crisis support leads when risk is up, coping tools when mood is low.
  const priority: Component[] = [
    ...(atRisk ? (['crisis_support'] as const) : []),
    ...(distressed || atRisk ? (['coping_tools', 'breathing_exercise'] as const) : []),
  ];
  const layoutOrder = [...new Set<Component>([...priority, ...COMPONENTS])].filter((c) => visible.has(c));
  return { theme, visibleComponents: COMPONENTS.filter((c) => visible.has(c)), layoutOrder };
}

/** Builds and stores a person's next interface version. */
export async function publishUiConfig(em: EntityManager, userId: string, signals: PersonSignals = {}, generatedAt = new Date()): Promise<UIConfig> {
  if (!isUuid(userId)) throw badUserInput('userId must be a UUID.', 'userId');
  const built = buildUiConfig(signals);
  const [latest] = await em.find(UIConfigEntity, { userId }, { orderBy: { version: 'desc' }, limit: 1 });
  const config = em.create(UIConfigEntity, { id: randomUUID(), userId, version: (latest?.version ?? 0) + 1, ...built, generatedAt });
  await em.flush();
  return config;
}
