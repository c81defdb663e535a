/**
 * `pnpm train:crisis`: a small learned layer experiment for the crisis detector: logistic regression over
 * word 1-2-grams and character 3-5-grams of the normalised text, target "HIGH or IMMINENT". It is
 * validated ACROSS AUTHORS (train on the lexicon author's dev split → measure on the second author's
 * test2, and the reverse), alone and as a layer that may only raise the lexicon's NONE/LOW to MODERATE
 * (probability ≥ `--moderate`) or HIGH (≥ `--high`). It never reads the `test` split.
 * Result (README, model card): across authors it did not help (it raised nothing useful at 0.5 and
 * flooded hard negatives at 0.2–0.3), so no weights ship; run it again when there is more data.
 * Run: `npx tsx subgraphs/risk/scripts/train-crisis.ts [--moderate 0.5] [--high 0.85]`.
 */
import { RISK_LEVELS, type RiskLevel } from '../src/entities.js';
import { detect } from '../src/detection/combine.js';
import { loadEvalSet, type EvalItem } from '../src/detection/evaluate.js';
import { loadLexicon } from '../src/detection/lexicon.js';
import { normalise } from '../src/detection/normalise.js';

const lexicon = loadLexicon();
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MODERATE_AT = arg('--moderate', 0.5);
const HIGH_AT = arg('--high', 0.85);
const ALERT = (l: RiskLevel) => l === 'HIGH' || l === 'IMMINENT';

export function features(text: string): string[] {
  const t = normalise(text, lexicon.folds).text.replace(/ , /g, ' ');
  const words = t.split(' ').filter(Boolean);
  const out = new Set<string>();
  words.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i > 0) out.add(`b:${words[i - 1]} ${w}`);
  });
  const padded = ` ${t} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  return [...out];
}

interface Model { bias: number; weights: Record<string, number> }

/** L2-regularised logistic regression, full-batch gradient descent (small data: a few hundred messages). */
function train(items: EvalItem[], epochs = 300, rate = 0.5, l2 = 1e-3): Model {
  const xs = items.map((i) => features(i.text));
  const ys = items.map((i) => (ALERT(i.label) ? 1 : 0));
  const w = new Map<string, number>();
  let bias = 0;
  for (let e = 0; e < epochs; e++) {
    const grad = new Map<string, number>();
    let gb = 0;
    xs.forEach((x, k) => {
      const z = bias + x.reduce((s, f) => s + (w.get(f) ?? 0), 0) / Math.sqrt(x.length);
      const err = 1 / (1 + Math.exp(-z)) - ys[k]!;
      gb += err;
      for (const f of x) grad.set(f, (grad.get(f) ?? 0) + err / Math.sqrt(x.length));
    });
    bias -= (rate * gb) / xs.length;
    for (const [f, g] of grad) w.set(f, (w.get(f) ?? 0) * (1 - rate * l2) - (rate * g) / xs.length);
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of w) if (Math.abs(v) > 1e-4) weights[f] = Math.round(v * 1e4) / 1e4;
  return { bias, weights };
}

export const probability = (model: Model, text: string) => {
  const x = features(text);
  return 1 / (1 + Math.exp(-(model.bias + x.reduce((s, f) => s + (model.weights[f] ?? 0), 0) / Math.sqrt(x.length))));
};

function report(name: string, model: Model, items: EvalItem[]) {
  const rows = items.map((i) => ({ i, p: probability(model, i.text), lex: detect(lexicon, { text: i.text, language: i.lang }).level }));
  const pos = rows.filter((r) => ALERT(r.i.label));
  const neg = rows.filter((r) => !ALERT(r.i.label));
  let auc = 0;
  for (const a of pos) for (const b of neg) auc += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
  auc /= pos.length * neg.length;
  const hard = rows.filter((r) => r.i.kind === 'hard_negative');
  const alone = (th: number) => `recall ${pos.filter((r) => r.p >= th).length}/${pos.length}, false alerts ${neg.filter((r) => r.p >= th).length}/${neg.length}, hard negatives ${hard.filter((r) => r.p >= th).length}/${hard.length}`;
  const raised = rows.map((r) => {
    let level = r.lex;
    if (RISK_LEVELS.indexOf(level) < RISK_LEVELS.indexOf('MODERATE') && r.p >= MODERATE_AT) level = r.p >= HIGH_AT ? 'HIGH' : 'MODERATE';
    return { ...r, level };
  });
  const recall = (key: 'lex' | 'level') => `${raised.filter((r) => ALERT(r.i.label) && ALERT(r[key])).length}/${pos.length}`;
  const hardFa = (key: 'lex' | 'level') => `${raised.filter((r) => r.i.kind === 'hard_negative' && ALERT(r[key])).length}/${hard.length}`;
  const toModerate = raised.filter((r) => r.level !== r.lex);
  console.log(`== ${name} ==`);
  console.log(`  classifier alone: AUC ${auc.toFixed(3)}; at 0.5: ${alone(0.5)}; at ${HIGH_AT}: ${alone(HIGH_AT)}`);
  console.log(`  lexicon: alert recall ${recall('lex')}, hard-negative alerts ${hardFa('lex')}`);
  console.log(`  lexicon + layer (raise NONE/LOW to MODERATE ≥ ${MODERATE_AT}, HIGH ≥ ${HIGH_AT}): alert recall ${recall('level')}, hard-negative alerts ${hardFa('level')}; raised ${toModerate.length} (${toModerate.filter((r) => ALERT(r.i.label) || r.i.label === 'MODERATE').length} gold MODERATE or above, ${toModerate.filter((r) => r.i.kind === 'hard_negative').length} hard negatives)`);
}

const items = loadEvalSet().filter((i) => i.split === 'dev' || i.split === 'test2');
const dev = items.filter((i) => i.split === 'dev');
const test2 = items.filter((i) => i.split === 'test2');
report('train dev (author 1) → measure test2 (author 2)', train(dev), test2);
report('train test2 (author 2) → measure dev (author 1)', train(test2), dev);
