/**
 * A learned layer behind the crisis rules (an experiment: NOT shipped, see the README's round 5),
 * validated LEAVE-ONE-AUTHOR-OUT on the three authors whose sets are development data: author 1
 * (`dev` split of crisis-eval.jsonl), author 2 (`test2`), author 3 (`test3`). It never opens the
 * `test` split's lines (filtered out as the file is parsed, never printed) nor crisis-eval-holdout4.jsonl.
 *
 * The rules have been tuned on all three authors (100 % on each), so today's rules cannot stand in for
 * "rules that never saw the held-out author". Each fold therefore uses the rules AS THEY WERE before that
 * author was read, taken from git (`git archive` into a temporary folder):
 *   held out test2 → rules of 5278f64 (round 2: tuned on dev-001…276 only), trained on dev-001…276 + test3;
 *   held out test3 → rules of b37e3f4 (round 3: tuned on dev-001…316 + test2), trained on those;
 *   held out dev   → no rules exist that never saw author 1: today's rules (contaminated, 100 % on dev),
 *                    trained on test2 + test3.
 * (dev-277…316 were written after reading test2's misses, dev-317…358 after test3's: they are left out of
 * the folds that hold those authors out.) A second table measures today's rules on every fold, as asked.
 *
 * Everything is chosen by NESTED validation on the training authors only: the feature set and L2 are
 * chosen, and the thresholds set, on the pooled out-of-author scores of the two inner folds (train on one
 * training author, score the other): HIGH at the lowest probability above which ≤ 3 % of the hard negatives
 * score, MODERATE at the lowest above which ≤ 10 % of gold NONE/LOW score (the model alone: the rules are
 * in-sample, 100 %, on the training authors, so "rules + layer" there would say nothing).
 *
 * The layer may only RAISE the rules' level: NONE/LOW/MODERATE → HIGH at the HIGH threshold, NONE/LOW →
 * MODERATE (human review) at the MODERATE one. Ship criterion (mean over the three folds): alert recall
 * +10 points or more, hard-negative false alarms ≤ 5 %, precision ≥ 85 %. Result: NOT MET (README, round 5).
 *
 * Run: `npx tsx subgraphs/risk/scripts/train-crisis.ts [--with-rules]` (prints the two LOAO tables, ~20 s).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RiskLevel } from '../src/entities.js';
import { normalise } from '../src/detection/normalise.js';

// ---------------------------------------------------------------- features

interface Model {
  bias: number;
  weights: Record<string, number>;
}
/** The parts of a rules' result the features read (structural, so that earlier detector versions fit too). */
interface RuleView {
  level: string;
  signals: { code: string }[];
  lexicon: { hits: { category: string; source: string }[]; affect: number; normalised: string };
}
interface LexiconView {
  folds: Map<string, string>;
  compound?: { groups: Map<string, RegExp[]> };
  vocabulary?: { firstPerson: RegExp };
}

/** Text features: normalised words, bigrams and character 3–5-grams (each weighted 1/√n). */
function textFeatures(text: string, folds: Map<string, string>): string[] {
  const t = normalise(text, folds).text.replace(/ , /g, ' ');
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

const test = (regex: RegExp, text: string) => {
  regex.lastIndex = 0;
  const hit = regex.test(text);
  regex.lastIndex = 0;
  return hit;
};

/** The rules' own signals as binary features (weight 1). */
function ruleFeatures(rules: RuleView, lexicon: LexiconView): string[] {
  const out = new Set<string>([`r:level:${rules.level}`]);
  for (const s of rules.signals) if (!s.code.startsWith('LEARNED') && !s.code.startsWith('RAISED')) out.add(`r:sig:${s.code}`);
  for (const h of rules.lexicon.hits) out.add(`r:hit:${h.source}:${h.category}`);
  const text = rules.lexicon.normalised;
  for (const [name, regexes] of lexicon.compound?.groups ?? []) if (regexes.some((r) => test(r, text))) out.add(`r:group:${name}`);
  if (lexicon.vocabulary && test(lexicon.vocabulary.firstPerson, text)) out.add('r:first_person');
  if (rules.lexicon.affect > 0) out.add('r:affect');
  if (rules.lexicon.affect >= 0.3) out.add('r:affect_strong');
  return [...out];
}

interface FeatureVector {
  names: string[];
  values: number[];
}

function featureVector(text: string, rules: RuleView | null, lexicon: LexiconView): FeatureVector {
  const words = textFeatures(text, lexicon.folds);
  const scale = 1 / Math.sqrt(Math.max(1, words.length));
  const names = [...words];
  const values = words.map(() => scale);
  if (rules) for (const f of ruleFeatures(rules, lexicon)) (names.push(f), values.push(1));
  return { names, values };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));


const RISK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = path.resolve(RISK, '../..');
const LEVELS: RiskLevel[] = ['NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT'];
const rank = (l: string) => LEVELS.indexOf(l as RiskLevel);
const ALERT = (l: string) => rank(l) >= rank('HIGH');
const TOP_FEATURES = 2500;
const HARD_FA_MAX = 0.03;
const LOWER_RAISED_MAX = 0.1;

type Author = 'dev' | 'test2' | 'test3';
interface Item { id: string; author: Author; lang: string; label: RiskLevel; kind: string; text: string }

/** Only the development sets: the `test` split is dropped as each line is parsed; holdout 4 is never opened. */
function loadDevelopmentSets(): Item[] {
  const read = (file: string, keep: (split: string) => boolean) =>
    readFileSync(path.join(RISK, 'data/eval', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { id: string; split: string; lang: string; label: RiskLevel; kind: string; text: string })
      .filter((r) => keep(r.split))
      .map((r) => ({ id: r.id, author: r.split as Author, lang: r.lang, label: r.label, kind: r.kind.replace(/-/g, '_'), text: r.text }));
  return [...read('crisis-eval.jsonl', (s) => s === 'dev'), ...read('crisis-eval-holdout2.jsonl', (s) => s === 'test2'), ...read('crisis-eval-holdout3.jsonl', (s) => s === 'test3')];
}
const devNumber = (id: string) => Number(id.replace(/^dev-/, ''));

// ---------------------------------------------------------------- rules, as they were at a commit

interface Rules {
  name: string;
  lexicon: Parameters<typeof featureVector>[2];
  detect: (text: string, language: string) => RuleView;
}

async function rulesAt(commit: string | null): Promise<Rules> {
  let root = path.join(RISK, 'src/detection');
  if (commit) {
    const dir = path.join(os.tmpdir(), `resona-rules-${commit}`);
    if (!existsSync(path.join(dir, 'subgraphs/risk/src/detection/combine.ts'))) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['-C', REPO, 'archive', commit, 'subgraphs/risk/src', 'subgraphs/risk/data/lexicon']);
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
      symlinkSync(path.join(RISK, 'node_modules'), path.join(dir, 'subgraphs/risk/node_modules'));
    }
    root = path.join(dir, 'subgraphs/risk/src/detection');
  }
  const combine = await import(pathToFileURL(path.join(root, 'combine.ts')).href);
  const lexiconModule = await import(pathToFileURL(path.join(root, 'lexicon.ts')).href);
  const lexicon = lexiconModule.loadLexicon();
  return { name: commit ?? 'today', lexicon, detect: (text, language) => {
    const d = combine.detect(lexicon, { text, language });
    return { level: d.lexiconLevel ?? d.level, signals: d.signals.filter((s: { code: string }) => !s.code.startsWith('LEARNED')), lexicon: d.lexicon };
  } };
}

// ---------------------------------------------------------------- logistic regression

interface Row { item: Item; rules: RuleView; x: { text: FeatureVector; full: FeatureVector } }
interface Variant { rules: boolean; l2: number }
/**
 * The rules' signals as features only with `--with-rules`: the rules are in-sample (100 %) on every training
 * author, so a model given their signals learns to copy them, and nested validation on those same authors
 * cannot see it (inner AUC 1.000; on the held-out author it added false alarms, see the README).
 */
const VARIANTS: Variant[] = (process.argv.includes('--with-rules') ? [false, true] : [false]).flatMap((rules) => [1e-4, 1e-3, 1e-2].map((l2) => ({ rules, l2 })));

/** Weighted (classes balanced, hard negatives ×2) L2 logistic regression, full-batch Adam. */
function train(rows: Row[], variant: Variant, epochs = 250): Model {
  const index = new Map<string, number>();
  const xs = rows.map((r) => {
    const v = variant.rules ? r.x.full : r.x.text;
    return { idx: Int32Array.from(v.names, (n) => index.get(n) ?? (index.set(n, index.size), index.size - 1)), val: Float64Array.from(v.values) };
  });
  const ys = rows.map((r) => (ALERT(r.item.label) ? 1 : 0));
  const nPos = ys.filter(Boolean).length;
  const nNeg = ys.length - nPos;
  const sw = rows.map((r, k) => (ys[k] ? ys.length / (2 * nPos) : (ys.length / (2 * nNeg)) * (r.item.kind === 'hard_negative' ? 2 : 1)));
  const total = sw.reduce((a, b) => a + b, 0);
  const d = index.size + 1;
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const g = new Float64Array(d);
  const lr = 0.05;
  for (let e = 1; e <= epochs; e++) {
    g.fill(0);
    xs.forEach((x, k) => {
      let z = w[d - 1]!;
      for (let i = 0; i < x.idx.length; i++) z += w[x.idx[i]!]! * x.val[i]!;
      const err = ((sigmoid(z) - ys[k]!) * sw[k]!) / total;
      g[d - 1]! += err;
      for (let i = 0; i < x.idx.length; i++) g[x.idx[i]!]! += err * x.val[i]!;
    });
    for (let j = 0; j < d; j++) {
      const grad = g[j]! + (j < d - 1 ? variant.l2 * w[j]! : 0);
      m[j] = 0.9 * m[j]! + 0.1 * grad;
      v[j] = 0.999 * v[j]! + 0.001 * grad * grad;
      w[j]! -= (lr * (m[j]! / (1 - 0.9 ** e))) / (Math.sqrt(v[j]! / (1 - 0.999 ** e)) + 1e-8);
    }
  }
  // Prune to the strongest features (the shipped file stays small).
  const names = [...index.keys()];
  const keep = names.map((n, j) => [n, w[j]!] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, TOP_FEATURES);
  return { bias: Math.round(w[d - 1]! * 1e4) / 1e4, weights: Object.fromEntries(keep.filter(([, x]) => Math.abs(x) >= 1e-4).map(([n, x]) => [n, Math.round(x * 1e4) / 1e4])) };
}

function score(model: Model, row: Row, variant: Variant) {
  const x = variant.rules ? row.x.full : row.x.text;
  let z = model.bias;
  for (let i = 0; i < x.names.length; i++) z += (model.weights[x.names[i]!] ?? 0) * x.values[i]!;
  return sigmoid(z);
}

const raise = (level: string, p: number, t: { moderate: number; high: number }): string =>
  rank(level) < rank('HIGH') && p >= t.high ? 'HIGH' : rank(level) < rank('MODERATE') && p >= t.moderate ? 'MODERATE' : level;

/**
 * Thresholds from out-of-author scores of the MODEL ALONE (the rules are in-sample on the training authors,
 * 100 % there, so "rules + layer" on them says nothing): HIGH where ≤ 3 % of hard negatives score above it,
 * MODERATE where ≤ 10 % of gold NONE/LOW do.
 */
function chooseThresholds(scored: { row: Row; p: number }[]) {
  const candidates = [...new Set(scored.map((s) => s.p))].sort((a, b) => a - b);
  const hard = scored.filter((s) => s.row.item.kind === 'hard_negative');
  let high = 1;
  for (const t of candidates) {
    if (hard.filter((s) => s.p >= t).length / hard.length <= HARD_FA_MAX) { high = t; break; }
  }
  const lower = scored.filter((s) => rank(s.row.item.label) < rank('MODERATE'));
  let moderate = high;
  for (const t of candidates) {
    if (t > high) break;
    if (lower.filter((s) => s.p >= t).length / lower.length <= LOWER_RAISED_MAX) { moderate = t; break; }
  }
  return { moderate, high };
}

function measure(scored: { row: Row; p: number }[], t: { moderate: number; high: number } | null) {
  const out = scored.map((s) => ({ ...s, level: t ? raise(s.row.rules.level, s.p, t) : s.row.rules.level }));
  const pos = out.filter((s) => ALERT(s.row.item.label));
  const tp = pos.filter((s) => ALERT(s.level)).length;
  const fp = out.filter((s) => !ALERT(s.row.item.label) && ALERT(s.level)).length;
  const hard = out.filter((s) => s.row.item.kind === 'hard_negative');
  const lower = out.filter((s) => rank(s.row.item.label) < rank('MODERATE'));
  return {
    recall: tp / pos.length, tp, pos: pos.length, precision: tp / (tp + fp), fp,
    hardFa: hard.filter((s) => ALERT(s.level)).length, hard: hard.length,
    lowerToModerate: lower.filter((s) => s.level === 'MODERATE' && s.row.rules.level !== 'MODERATE').length, lower: lower.length,
  };
}

function auc(scored: { row: Row; p: number }[]) {
  const pos = scored.filter((s) => ALERT(s.row.item.label));
  const neg = scored.filter((s) => !ALERT(s.row.item.label));
  let a = 0;
  for (const x of pos) for (const y of neg) a += x.p > y.p ? 1 : x.p === y.p ? 0.5 : 0;
  return a / (pos.length * neg.length);
}

/** Nested: choose the variant and thresholds on the training authors' out-of-author scores, then train on both. */
function fitNested(train2: Row[]) {
  const authors = [...new Set(train2.map((r) => r.item.author))];
  let best: { variant: Variant; t: { moderate: number; high: number }; inner: ReturnType<typeof measure>; innerAuc: number } | null = null;
  for (const variant of VARIANTS) {
    const scored = authors.flatMap((a) => {
      const model = train(train2.filter((r) => r.item.author !== a), variant);
      return train2.filter((r) => r.item.author === a).map((row) => ({ row, p: score(model, row, variant) }));
    });
    const t = chooseThresholds(scored);
    const inner = measure(scored.map((x) => ({ ...x, row: { ...x.row, rules: { ...x.row.rules, level: 'NONE' } } })), t);
    const innerAuc = auc(scored);
    if (!best || inner.recall > best.inner.recall || (inner.recall === best.inner.recall && innerAuc > best.innerAuc)) best = { variant, t, inner, innerAuc };
  }
  return { ...best!, model: train(train2, best!.variant) };
}

// ---------------------------------------------------------------- main

const items = loadDevelopmentSets();
const rulesCache = new Map<string, Rules>();
const rowsFor = async (commit: string | null, subset: Item[]): Promise<Row[]> => {
  const key = commit ?? 'today';
  if (!rulesCache.has(key)) rulesCache.set(key, await rulesAt(commit));
  const rules = rulesCache.get(key)!;
  return subset.map((item) => {
    const r = rules.detect(item.text, item.lang);
    return { item, rules: r, x: { text: featureVector(item.text, null, rules.lexicon), full: featureVector(item.text, r, rules.lexicon) } };
  });
};

const FOLDS: { heldOut: Author; commit: string | null; note: string; train: (i: Item) => boolean }[] = [
  { heldOut: 'dev', commit: null, note: "today's rules (they were developed on dev: contaminated)", train: (i) => i.author !== 'dev' },
  { heldOut: 'test2', commit: '5278f64', note: 'rules of 5278f64 (had seen dev-001…276 only)', train: (i) => (i.author === 'dev' && devNumber(i.id) <= 276) || i.author === 'test3' },
  { heldOut: 'test3', commit: 'b37e3f4', note: 'rules of b37e3f4 (had seen dev-001…316 and test2)', train: (i) => (i.author === 'dev' && devNumber(i.id) <= 316) || i.author === 'test2' },
];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const line = (m: ReturnType<typeof measure>) => `recall ${pct(m.recall)} (${m.tp}/${m.pos}), precision ${pct(m.precision)} (fp ${m.fp}), hard-negative alerts ${m.hardFa}/${m.hard} (${pct(m.hardFa / m.hard)}), NONE/LOW → MODERATE ${m.lowerToModerate}/${m.lower}`;

async function loao(title: string, commitFor: (f: (typeof FOLDS)[number]) => string | null) {
  console.log(`\n######## ${title}`);
  const results: { rules: ReturnType<typeof measure>; layered: ReturnType<typeof measure> }[] = [];
  for (const fold of FOLDS) {
    const commit = commitFor(fold);
    const trainRows = await rowsFor(commit, items.filter((i) => i.author !== fold.heldOut && fold.train(i)));
    const testRows = await rowsFor(commit, items.filter((i) => i.author === fold.heldOut));
    const fit = fitNested(trainRows);
    const scored = testRows.map((row) => ({ row, p: score(fit.model, row, fit.variant) }));
    const rules = measure(scored, null);
    const layered = measure(scored, fit.t);
    results.push({ rules, layered });
    console.log(`== held out ${fold.heldOut} (${testRows.length}); rules: ${commit ?? 'today'}; trained on ${trainRows.length}`);
    console.log(`   chosen on training authors: ${fit.variant.rules ? 'text + rule features' : 'text features'}, L2 ${fit.variant.l2}; thresholds MODERATE ≥ ${fit.t.moderate.toFixed(3)}, HIGH ≥ ${fit.t.high.toFixed(3)} (inner: ${line(fit.inner)}, AUC ${fit.innerAuc.toFixed(3)})`);
    console.log(`   model alone AUC on held-out author ${auc(scored).toFixed(3)}`);
    console.log(`   rules alone:   ${line(rules)}`);
    console.log(`   rules + layer: ${line(layered)}`);
  }
  const mean = (f: (r: (typeof results)[number]) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
  const gain = mean((r) => r.layered.recall - r.rules.recall);
  const fa = mean((r) => r.layered.hardFa / r.layered.hard);
  const precision = mean((r) => r.layered.precision);
  console.log(`mean over folds: recall ${pct(mean((r) => r.rules.recall))} → ${pct(mean((r) => r.layered.recall))} (gain ${(gain * 100).toFixed(1)} points), hard-negative false alarms ${pct(mean((r) => r.rules.hardFa / r.rules.hard))} → ${pct(fa)}, precision ${pct(mean((r) => r.rules.precision))} → ${pct(precision)}`);
  const ship = gain >= 0.1 && fa <= 0.05 && precision >= 0.85;
  console.log(`ship criterion (gain ≥ 10 points, false alarms ≤ 5 %, precision ≥ 85 %): ${ship ? 'MET' : 'NOT MET'}`);
  return { results, gain, fa, precision, ship };
}

await loao('LOAO, rules as they were before the held-out author was read', (f) => f.commit);
await loao("LOAO, today's rules on every fold (developed on all three authors: 100 % by construction)", () => null);
