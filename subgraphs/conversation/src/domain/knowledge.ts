import { readFileSync } from 'node:fs';
import type { ReplyLanguage } from './language.js';

export interface KnowledgeEntry {
  id: string;
  title: string;
  keywords: string;
  /** For the LLM prompt (English). */
  guidance: string;
  /** A sentence the local responder may add, per language. */
  local: Record<ReplyLanguage, string>;
}

export interface Retrieved {
  entry: KnowledgeEntry;
  score: number;
}

/** Finds the entries relevant to a message. BM25 today; an embedding retriever fits the same interface. */
export interface Retriever {
  search(text: string, k?: number): Retrieved[];
}

export const KNOWLEDGE: KnowledgeEntry[] = (
  JSON.parse(readFileSync(new URL('../../data/cultural-kb.json', import.meta.url), 'utf8')) as { entries: KnowledgeEntry[] }
).entries;

/** Words too common to say anything about a topic (EN and SW). */
const STOP = new Set(
  'a an the and or but of to in on at for with is are was were be been am i me my you your he she it we they this that these those have has had do does did not no so very just too can will would there what how why when who ni na ya wa za la kwa si sio hii hiyo tu sana kama pia yangu yako wangu lakini kuna hakuna nina una mimi wewe'.split(' '),
);

/** Lower-case tokens with a light, shared stemming: plural -s and common Swahili prefixes are kept as is, 'ing'/'ed' trimmed. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().replace(/['’]/g, '').match(/\p{L}[\p{L}\p{N}]*/gu) ?? [])
    .filter((t) => !STOP.has(t) && t.length > 1)
    .map((t) => (t.length > 5 && t.endsWith('ing') ? t.slice(0, -3) : t.length > 4 && t.endsWith('ed') ? t.slice(0, -2) : t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
}

/** BM25 parameters (Robertson/Spärck Jones defaults). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** A retrieved entry's score must reach this to be used in a reply (tuned on data/kb-eval.json, see README). */
export const MIN_RELEVANCE = 2.0;

/** Okapi BM25 over each entry's title, keywords and guidance. */
export class Bm25Retriever implements Retriever {
  private readonly docs: { entry: KnowledgeEntry; tf: Map<string, number>; length: number }[];
  private readonly idf = new Map<string, number>();
  private readonly avgLength: number;

  constructor(entries: KnowledgeEntry[] = KNOWLEDGE) {
    this.docs = entries.map((entry) => {
      // Keywords count twice: they are the curated vocabulary of the topic.
      const tokens = tokenize(`${entry.title} ${entry.keywords} ${entry.keywords} ${entry.guidance}`);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      return { entry, tf, length: tokens.length };
    });
    this.avgLength = this.docs.reduce((a, d) => a + d.length, 0) / Math.max(1, this.docs.length);
    const df = new Map<string, number>();
    for (const d of this.docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.docs.length;
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
  }

  search(text: string, k = 3): Retrieved[] {
    const query = [...new Set(tokenize(text))];
    return this.docs
      .map((d) => {
        let score = 0;
        for (const t of query) {
          const f = d.tf.get(t);
          if (!f) continue;
          score += this.idf.get(t)! * ((f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * d.length) / this.avgLength)));
        }
        return { entry: d.entry, score };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }
}

/** Top-1 accuracy, recall@k and mean reciprocal rank of `retriever` on labelled queries. */
export function evaluateRetrieval(retriever: Retriever, queries: { text: string; expected: string }[], k = 3) {
  let top1 = 0;
  let atK = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const q of queries) {
    const ids = retriever.search(q.text, k).map((r) => r.entry.id);
    const rank = ids.indexOf(q.expected);
    if (rank === 0) top1++;
    if (rank >= 0) {
      atK++;
      rr += 1 / (rank + 1);
    } else misses.push(q.text);
    if (rank !== 0 && rank >= 0) misses.push(`${q.text} (rank ${rank + 1})`);
  }
  const n = queries.length;
  return { queries: n, top1: top1 / n, recallAtK: atK / n, mrr: rr / n, k, misses };
}

export const KB_EVAL: { text: string; expected: string }[] = (
  JSON.parse(readFileSync(new URL('../../data/kb-eval.json', import.meta.url), 'utf8')) as { queries: { text: string; expected: string }[] }
).queries;
