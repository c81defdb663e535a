/**
 * `pnpm eval:crisis`: the lexicon layer (with the signal layer, text only) on the labelled sets.
 * Prints dev, held-out test (same author), test2 and test3 (a second and third author; development
 * data since their one measurement) and held-out test4 … test12 figures separately, then all of
 * test4 … test12 together. `--errors` lists dev misses; never tune on test or test4 … test12 (their
 * `--…-errors` flags are for a write-up after a measurement).
 */
import { evaluate, formatMetrics, loadEvalSet } from '../src/detection/evaluate.js';
import { loadLexicon } from '../src/detection/lexicon.js';

const lexicon = loadLexicon();
const items = loadEvalSet();
const flag = (name: string) => process.argv.includes(name);
const split = (name: string) => items.filter((i) => i.split === name);
console.log(`lexicon: ${lexicon.entries.length} entries, ${lexicon.patternCount} patterns; eval sets: ${items.length} messages`);
const NOT_SEEN = 'who saw neither the rules, the model nor the other sets';
const DEVELOPMENT = 'measured once on 2026-11-25, then used for development: not evidence';
/** Each split: its title, and the flag that lists its errors. */
const SPLITS: [split: string, title: string, errorsFlag: string][] = [
  ['dev', 'dev split (the lexicon was tuned on these)', '--errors'],
  ['test', 'TEST split (held out, same author as the lexicon: never used for tuning)', '--test-errors'],
  ['test2', `test2 split (a second author; ${DEVELOPMENT})`, '--test2-errors'],
  ['test3', `test3 split (a third author; ${DEVELOPMENT})`, '--test3-errors'],
  ['test4', 'TEST4 split (held out, a fourth author who saw neither the rules nor the other sets)', '--test4-errors'],
  ...(['fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'] as const).map((nth, i): [string, string, string] => [
    `test${i + 5}`,
    `TEST${i + 5} split (held out, ${nth === 'eighth' || nth === 'eleventh' ? 'an' : 'a'} ${nth} author ${NOT_SEEN})`,
    `--test${i + 5}-errors`,
  ]),
];
SPLITS.forEach(([name, title, errorsFlag], i) => {
  if (i > 0) console.log();
  console.log(formatMetrics(title, evaluate(lexicon, split(name)), flag(errorsFlag)));
});
const HELD_OUT = SPLITS.map(([name]) => name).filter((name) => Number(name.slice('test'.length)) >= 4);
console.log();
console.log(formatMetrics(`ALL HELD-OUT SETS together (${HELD_OUT.join(', ')}; ${HELD_OUT.length * 200} messages by ${HELD_OUT.length} authors)`, evaluate(lexicon, items.filter((i) => HELD_OUT.includes(i.split))), false));
