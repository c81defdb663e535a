/**
 * `pnpm eval:crisis`: the lexicon layer (with the signal layer, text only) on the labelled set.
 * Prints dev and held-out test figures separately. `--errors` lists dev misses (never tune on test).
 */
import { evaluate, formatMetrics, loadEvalSet } from '../src/detection/evaluate.js';
import { loadLexicon } from '../src/detection/lexicon.js';

const lexicon = loadLexicon();
const items = loadEvalSet();
const showErrors = process.argv.includes('--errors');
const showTestErrors = process.argv.includes('--test-errors');
console.log(`lexicon: ${lexicon.entries.length} entries, ${lexicon.patternCount} patterns; eval set: ${items.length} messages`);
console.log(formatMetrics('dev split (the lexicon was tuned on these)', evaluate(lexicon, items.filter((i) => i.split === 'dev')), showErrors));
console.log();
console.log(formatMetrics('TEST split (held out: never used for tuning)', evaluate(lexicon, items.filter((i) => i.split === 'test')), showTestErrors));
console.log();
console.log(formatMetrics('all', evaluate(lexicon, items), false));
