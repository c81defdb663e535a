import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RISK_LEVELS, type RiskLevel } from '../entities.js';
import { detect, type Detection } from './combine.js';
import { LEXICON_DIR, type Lexicon } from './lexicon.js';

/**
 * The labelled evaluation sets shipped with the lexicon: dev + test (one author), test2 (a second
 * author who never saw the lexicon), test3 … test12 (authors who saw neither the rules, the model nor
 * the other sets). Each was measured once, then (test2, test3) used for development; test4 … test12
 * are still held out (nobody has read their messages). The training authors' sets
 * (crisis-train-author*.jsonl) are not evaluation sets.
 */
export const EVAL_PATHS = ['crisis-eval.jsonl', ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `crisis-eval-holdout${n}.jsonl`)].map((file) => path.resolve(LEXICON_DIR, '../eval', file));

export interface EvalItem {
  id: string;
  split: 'dev' | 'test' | `test${2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`;
  lang: 'en' | 'sw' | 'sheng' | 'mixed';
  label: RiskLevel;
  /** crisis | subtle | distress | reported | neutral | hard_negative */
  kind: string;
  text: string;
}

export const loadEvalSet = (files = EVAL_PATHS): EvalItem[] =>
  files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      // The second author wrote kinds with a hyphen ("hard-negative").
      .map((line) => JSON.parse(line) as EvalItem)
      .map((item) => ({ ...item, kind: item.kind.replace(/-/g, '_') })),
  );

const ALERT = (l: RiskLevel) => l === 'HIGH' || l === 'IMMINENT';
const ratio = (a: number, b: number) => (b ? a / b : NaN);

export interface Metrics {
  n: number;
  /** HIGH+IMMINENT as one class (what raises an alert). */
  alert: { tp: number; fp: number; fn: number; recall: number; precision: number };
  perLevel: Record<RiskLevel, { support: number; predicted: number; recall: number; precision: number }>;
  perLanguage: Record<string, { n: number; positives: number; recall: number; precision: number; exact: number }>;
  hardNegatives: { n: number; alerts: number; falseAlarmRate: number; atLeastModerate: number };
  /** confusion[gold][predicted] */
  confusion: Record<RiskLevel, Record<RiskLevel, number>>;
  exactAccuracy: number;
  /** Items where an alert was missed or raised wrongly. */
  errors: { id: string; label: RiskLevel; predicted: RiskLevel; text: string }[];
  /** Per predicted level: how many, and the share whose gold is HIGH+ (a calibration check of the bands). */
  reliability: Record<RiskLevel, { n: number; goldAlertShare: number; meanScore: number }>;
}

export function evaluate(lexicon: Lexicon, items: EvalItem[]): Metrics {
  const predictions = items.map((item) => ({ item, d: detect(lexicon, { text: item.text, language: item.lang }) as Detection }));
  const confusion = Object.fromEntries(RISK_LEVELS.map((g) => [g, Object.fromEntries(RISK_LEVELS.map((p) => [p, 0]))])) as Metrics['confusion'];
  for (const { item, d } of predictions) confusion[item.label][d.level]++;
  const binary = (subset: typeof predictions) => {
    const tp = subset.filter((p) => ALERT(p.item.label) && ALERT(p.d.level)).length;
    const fp = subset.filter((p) => !ALERT(p.item.label) && ALERT(p.d.level)).length;
    const fn = subset.filter((p) => ALERT(p.item.label) && !ALERT(p.d.level)).length;
    return { tp, fp, fn, recall: ratio(tp, tp + fn), precision: ratio(tp, tp + fp) };
  };
  const perLevel = Object.fromEntries(
    RISK_LEVELS.map((level) => {
      const support = predictions.filter((p) => p.item.label === level).length;
      const predicted = predictions.filter((p) => p.d.level === level).length;
      const correct = predictions.filter((p) => p.item.label === level && p.d.level === level).length;
      return [level, { support, predicted, recall: ratio(correct, support), precision: ratio(correct, predicted) }];
    }),
  ) as Metrics['perLevel'];
  const perLanguage: Metrics['perLanguage'] = {};
  for (const lang of ['en', 'sw', 'sheng', 'mixed']) {
    const subset = predictions.filter((p) => p.item.lang === lang);
    const b = binary(subset);
    perLanguage[lang] = { n: subset.length, positives: b.tp + b.fn, recall: b.recall, precision: b.precision, exact: ratio(subset.filter((p) => p.item.label === p.d.level).length, subset.length) };
  }
  const hard = predictions.filter((p) => p.item.kind === 'hard_negative');
  const hardAlerts = hard.filter((p) => ALERT(p.d.level)).length;
  const reliability = Object.fromEntries(
    RISK_LEVELS.map((level) => {
      const subset = predictions.filter((p) => p.d.level === level);
      return [level, { n: subset.length, goldAlertShare: ratio(subset.filter((p) => ALERT(p.item.label)).length, subset.length), meanScore: ratio(subset.reduce((s, p) => s + p.d.score, 0), subset.length) }];
    }),
  ) as Metrics['reliability'];
  return {
    n: items.length,
    alert: binary(predictions),
    perLevel,
    perLanguage,
    hardNegatives: { n: hard.length, alerts: hardAlerts, falseAlarmRate: ratio(hardAlerts, hard.length), atLeastModerate: hard.filter((p) => RISK_LEVELS.indexOf(p.d.level) >= 2).length },
    confusion,
    exactAccuracy: ratio(predictions.filter((p) => p.item.label === p.d.level).length, predictions.length),
    errors: predictions.filter((p) => ALERT(p.item.label) !== ALERT(p.d.level)).map((p) => ({ id: p.item.id, label: p.item.label, predicted: p.d.level, text: p.item.text })),
    reliability,
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The report `pnpm eval:crisis` prints. */
export function formatMetrics(title: string, m: Metrics, showErrors: boolean): string {
  const lines = [`== ${title} (${m.n} messages) ==`];
  lines.push(`HIGH+IMMINENT (alert): recall ${pct(m.alert.recall)}  precision ${pct(m.alert.precision)}  (tp ${m.alert.tp}, fp ${m.alert.fp}, fn ${m.alert.fn})   targets: recall >= 98%, precision >= 85%`);
  lines.push(`hard negatives: ${m.hardNegatives.alerts}/${m.hardNegatives.n} alerted = false-alarm rate ${pct(m.hardNegatives.falseAlarmRate)} (target <= 5%); ${m.hardNegatives.atLeastModerate} at MODERATE or above`);
  lines.push(`exact level accuracy ${pct(m.exactAccuracy)}`);
  lines.push('per level        support predicted  recall precision');
  for (const level of RISK_LEVELS) {
    const l = m.perLevel[level];
    lines.push(`  ${level.padEnd(14)} ${String(l.support).padStart(7)} ${String(l.predicted).padStart(9)}  ${pct(l.recall)}  ${pct(l.precision)}`);
  }
  lines.push('per language     n  alert-positives  alert recall  alert precision  exact level');
  for (const [lang, l] of Object.entries(m.perLanguage)) {
    lines.push(`  ${lang.padEnd(8)} ${String(l.n).padStart(5)} ${String(l.positives).padStart(16)}  ${pct(l.recall)}        ${pct(l.precision)}          ${pct(l.exact)}`);
  }
  lines.push('confusion (rows gold, columns predicted)');
  lines.push(`  ${''.padEnd(9)}${RISK_LEVELS.map((l) => l.slice(0, 8).padStart(9)).join('')}`);
  for (const gold of RISK_LEVELS) lines.push(`  ${gold.slice(0, 8).padEnd(9)}${RISK_LEVELS.map((p) => String(m.confusion[gold][p]).padStart(9)).join('')}`);
  lines.push('bands (predicted level: n, mean score, share whose gold is HIGH+)');
  for (const level of RISK_LEVELS) {
    const r = m.reliability[level];
    lines.push(`  ${level.padEnd(9)} n=${String(r.n).padStart(3)}  mean score ${Number.isNaN(r.meanScore) ? ' n/a' : r.meanScore.toFixed(2)}  gold HIGH+ ${pct(r.goldAlertShare)}`);
  }
  if (showErrors && m.errors.length) {
    lines.push('alert errors:');
    for (const e of m.errors) lines.push(`  ${e.id} gold ${e.label} predicted ${e.predicted}: ${e.text}`);
  }
  return lines.join('\n');
}
