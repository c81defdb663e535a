/**
 * `pnpm eval:language`: the language detector on the held-out set `data/eval/language-holdout.jsonl`
 * (written by an author who never saw the word lists). Prints accuracy, per-label recall and
 * precision, and the confusion matrix; `--errors` lists the misses.
 */
import { readFileSync } from 'node:fs';
import { detectLanguage, type Language } from '../src/index.js';

const LABELS: Language[] = ['EN', 'SW', 'MIXED'];
const items = readFileSync(new URL('../data/eval/language-holdout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; label: Language; text: string });
// As the conversation engine uses it: English when no word can be told.
const predicted = items.map((item) => detectLanguage(item.text).language ?? 'EN');
const confusion = LABELS.map((gold) => LABELS.map((guess) => items.filter((item, i) => item.label === gold && predicted[i] === guess).length));
const correct = LABELS.reduce((sum, _l, i) => sum + confusion[i]![i]!, 0);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
console.log(`language detection on ${items.length} held-out messages: accuracy ${pct(correct, items.length)}\n`);
console.log('label   support  recall  precision');
LABELS.forEach((label, i) => {
  const support = confusion[i]!.reduce((s, v) => s + v, 0);
  const guessed = confusion.reduce((s, row) => s + row[i]!, 0);
  console.log(`${label.padEnd(8)}${String(support).padStart(7)}  ${pct(confusion[i]![i]!, support).padStart(6)}  ${pct(confusion[i]![i]!, guessed).padStart(9)}`);
});
console.log('\nconfusion (rows: true, columns: predicted)');
console.log(`        ${LABELS.map((l) => l.padStart(6)).join('')}`);
confusion.forEach((row, i) => console.log(`${LABELS[i]!.padEnd(8)}${row.map((v) => String(v).padStart(6)).join('')}`));
if (process.argv.includes('--errors')) {
  console.log();
  items.forEach((item, i) => item.label !== predicted[i] && console.log(`${item.id} ${item.label} → ${predicted[i]}: ${item.text}`));
}
