/**
 * `pnpm eval:crisis`: the lexicon layer (with the signal layer, text only) on the labelled sets.
 * Prints dev, held-out test (same author), test2 and test3 (a second and third author; development
 * data since their one measurement) and held-out test4 … test9 figures separately. `--errors` lists
 * dev misses; never tune on test or test4 … test9 (their `--…-errors` flags are for a write-up after
 * a measurement).
 */
import { evaluate, formatMetrics, loadEvalSet } from '../src/detection/evaluate.js';
import { loadLexicon } from '../src/detection/lexicon.js';

const lexicon = loadLexicon();
const items = loadEvalSet();
const flag = (name: string) => process.argv.includes(name);
const split = (name: string) => items.filter((i) => i.split === name);
console.log(`lexicon: ${lexicon.entries.length} entries, ${lexicon.patternCount} patterns; eval sets: ${items.length} messages`);
console.log(formatMetrics('dev split (the lexicon was tuned on these)', evaluate(lexicon, split('dev')), flag('--errors')));
console.log();
console.log(formatMetrics('TEST split (held out, same author as the lexicon: never used for tuning)', evaluate(lexicon, split('test')), flag('--test-errors')));
console.log();
console.log(formatMetrics('test2 split (a second author; measured once on 2026-11-25, then used for development: not evidence)', evaluate(lexicon, split('test2')), flag('--test2-errors')));
console.log();
console.log(formatMetrics('test3 split (a third author; measured once on 2026-11-25, then used for development: not evidence)', evaluate(lexicon, split('test3')), flag('--test3-errors')));
console.log();
console.log(formatMetrics('TEST4 split (held out, a fourth author who saw neither the rules nor the other sets)', evaluate(lexicon, split('test4')), flag('--test4-errors')));
console.log();
console.log(formatMetrics('TEST5 split (held out, a fifth author who saw neither the rules, the model nor the other sets)', evaluate(lexicon, split('test5')), flag('--test5-errors')));
console.log();
console.log(formatMetrics('TEST6 split (held out, a sixth author who saw neither the rules, the model nor the other sets)', evaluate(lexicon, split('test6')), flag('--test6-errors')));
console.log();
console.log(formatMetrics('TEST7 split (held out, a seventh author who saw neither the rules, the model nor the other sets)', evaluate(lexicon, split('test7')), flag('--test7-errors')));
for (const [n, nth] of [[8, 'an eighth'], [9, 'a ninth']] as const) {
  console.log();
  console.log(formatMetrics(`TEST${n} split (held out, ${nth} author who saw neither the rules, the model nor the other sets)`, evaluate(lexicon, split(`test${n}`)), flag(`--test${n}-errors`)));
}
