/**
 * `pnpm eval:crisis`: the lexicon layer (with the signal layer, text only) on the labelled sets.
 * Prints dev, held-out test (same author) and held-out test2 (a second author who never saw the
 * lexicon) figures separately. `--errors` lists dev misses; never tune on test or test2
 * (`--test-errors` and `--test2-errors` exist for the write-up after a measurement).
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
console.log(formatMetrics('TEST2 split (held out, a second author who never saw the lexicon)', evaluate(lexicon, split('test2')), flag('--test2-errors')));
console.log();
console.log(formatMetrics('held out, test + test2', evaluate(lexicon, [...split('test'), ...split('test2')]), false));
