import { extractFacts, type Fact } from './facts.js';
import type { Feeling } from './text-emotion.js';

/** Longest kept snippet of a recent message, in characters. */
export const SNIPPET_LENGTH = 200;
/** Recent messages of the person kept in the summary. */
export const RECENT_KEPT = 3;

/** What Resona remembers of a conversation for its prompts (stored encrypted, per conversation). */
export interface ConversationSummary {
  turns: number;
  feelings: Partial<Record<Feeling, number>>;
  /** Knowledge-base topics that came up, most recent last. */
  topics: string[];
  facts: Fact[];
  /** The person's last messages (raw: masked only when sent out). */
  recent: string[];
  /** The highest risk level seen. */
  highestRisk: string | null;
}

export const emptySummary = (): ConversationSummary => ({ turns: 0, feelings: {}, topics: [], facts: [], recent: [], highestRisk: null });

const RISK_ORDER = ['NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT'];

/** The summary after one more turn (extractive and deterministic; no model involved). */
export function updateSummary(summary: ConversationSummary, turn: { text: string; feeling: Feeling; topics: string[]; riskLevel: string | null }): ConversationSummary {
  const facts = [...summary.facts];
  for (const fact of extractFacts(turn.text)) {
    // A newer fact of the same kind and subject replaces the older one.
    const same = facts.findIndex((f) => f.kind === fact.kind && JSON.stringify({ ...f, n: 0, name: '' }) === JSON.stringify({ ...fact, n: 0, name: '' }));
    if (same >= 0) facts.splice(same, 1);
    facts.push(fact);
  }
  const highest = [summary.highestRisk, turn.riskLevel].filter(Boolean).sort((a, b) => RISK_ORDER.indexOf(b!) - RISK_ORDER.indexOf(a!))[0] ?? null;
  return {
    turns: summary.turns + 1,
    feelings: turn.feeling === 'NEUTRAL' ? summary.feelings : { ...summary.feelings, [turn.feeling]: (summary.feelings[turn.feeling] ?? 0) + 1 },
    topics: [...summary.topics.filter((t) => !turn.topics.includes(t)), ...turn.topics].slice(-6),
    facts: facts.slice(-20),
    recent: [...summary.recent, turn.text.slice(0, SNIPPET_LENGTH)].slice(-RECENT_KEPT),
    highestRisk: highest,
  };
}

const describeFact = (f: Fact): string => {
  switch (f.kind) {
    case 'count':
      return `has ${f.n} ${f.item}`;
    case 'deceased':
      return `their ${f.who} has died`;
    case 'no-job':
      return 'has no job';
    case 'name':
      return `their ${f.relation} is called ${f.name}`;
  }
};

/** The summary as prompt text (personal data still raw: mask before sending). */
export function summaryText(summary: ConversationSummary): string {
  if (!summary.turns) return 'This is the first message of the conversation.';
  const feelings = Object.entries(summary.feelings).sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f.toLowerCase()} (${n})`);
  return [
    `Earlier messages: ${summary.turns}.`,
    feelings.length ? `Feelings so far: ${feelings.join(', ')}.` : '',
    summary.topics.length ? `Topics: ${summary.topics.join(', ')}.` : '',
    summary.facts.length ? `Facts the person shared: ${summary.facts.map(describeFact).join('; ')}.` : '',
    summary.highestRisk && summary.highestRisk !== 'NONE' ? `Highest risk level so far: ${summary.highestRisk}.` : '',
    summary.recent.length ? `Their recent messages: ${summary.recent.map((r) => `"${r}"`).join(' ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
