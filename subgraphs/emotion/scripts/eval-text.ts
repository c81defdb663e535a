/**
 * `pnpm eval:text-emotion`: the text emotion lexicon (VADER for English, our Swahili/Sheng
 * lexicon, negation, deflection) as analyzeUtterance uses it for words alone, on the held-out
 * set `data/eval/text-emotion-holdout.jsonl` (written by an author who never saw the lexicon).
 * Prints accuracy, UAR, macro-F1, per-class recall, valence accuracy, per-language figures and the
 * confusion matrix.
 */
import { readFileSync } from 'node:fs';
import { EMOTIONS, type Emotion } from '../src/entities.js';
import { fuse } from '../src/domain/fusion.js';
import { formatConfusion, score } from '../src/model/train.js';
import { textEmotion } from '../src/text/emotion.js';

interface Item {
  id: string;
  lang: 'en' | 'sw' | 'sheng' | 'mixed';
  emotion: Emotion;
  valence: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE';
  text: string;
}

/** Valence within ±this is NEUTRAL. */
const NEUTRAL_VALENCE = 0.05;

const items = readFileSync(new URL('../data/eval/text-emotion-holdout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Item);
const read = items.map((item) => {
  const fused = fuse(null, textEmotion(item.text));
  const valence = fused.valence > NEUTRAL_VALENCE ? 'POSITIVE' : fused.valence < -NEUTRAL_VALENCE ? 'NEGATIVE' : 'NEUTRAL';
  return { item, scores: fused.scores, valence };
});

const report = (name: string, subset: typeof read) => {
  const s = score(subset.map((r) => r.scores), subset.map((r) => EMOTIONS.indexOf(r.item.emotion)), EMOTIONS);
  const valence = subset.filter((r) => r.valence === r.item.valence).length / subset.length;
  console.log(`${name.padEnd(8)} n=${String(s.n).padStart(3)}  accuracy ${s.accuracy.toFixed(3)}  UAR ${s.uar.toFixed(3)}  macro-F1 ${s.macroF1.toFixed(3)}  valence ${valence.toFixed(3)}`);
  return s;
};
console.log(`text emotion on ${items.length} held-out messages (chance: accuracy ~0.143 for 7 balanced classes)\n`);
const all = report('all', read);
for (const lang of ['en', 'sw', 'sheng', 'mixed']) report(lang, read.filter((r) => r.item.lang === lang));
console.log('\nper-class recall', JSON.stringify(all.perClassRecall));
console.log(formatConfusion(all.confusion, EMOTIONS));
