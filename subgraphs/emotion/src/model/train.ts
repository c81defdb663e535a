import type { LinearModel } from './onnx-export.js';

export interface TrainOptions {
  /** L2 penalty on the weights. Default 1e-3. */
  l2?: number;
  /** Adam steps over the whole set. Default 1500. */
  epochs?: number;
  /** Adam step size. Default 0.05. */
  learningRate?: number;
}

const softmaxInto = (logits: Float64Array, out: Float64Array) => {
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < logits.length; i++) out[i] = out[i]! / sum;
};

/**
 * Multinomial logistic regression on standardised features, full-batch Adam with L2, classes
 * weighted inversely to their frequency (so a corpus without SURPRISE, like CREMA-D, still trains).
 */
export function trainLinear(x: Float32Array[], y: number[], featureNames: readonly string[], labels: readonly string[], options: TrainOptions = {}): LinearModel {
  const f = featureNames.length;
  const k = labels.length;
  const n = x.length;
  const mean = new Float32Array(f);
  const std = new Float32Array(f);
  for (const row of x) for (let j = 0; j < f; j++) mean[j] = mean[j]! + row[j]! / n;
  for (const row of x) for (let j = 0; j < f; j++) std[j] = std[j]! + (row[j]! - mean[j]!) ** 2 / Math.max(1, n - 1);
  for (let j = 0; j < f; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const z = x.map((row) => Float64Array.from(row, (v, j) => (v - mean[j]!) / std[j]!));
  const counts = new Array(k).fill(0);
  for (const c of y) counts[c]++;
  const present = counts.filter((c) => c > 0).length;
  const classWeight = counts.map((c) => (c ? n / (present * c) : 0));
  const w = new Float64Array(f * k);
  const b = new Float64Array(k);
  const mW = new Float64Array(f * k);
  const vW = new Float64Array(f * k);
  const mB = new Float64Array(k);
  const vB = new Float64Array(k);
  const gW = new Float64Array(f * k);
  const gB = new Float64Array(k);
  const logits = new Float64Array(k);
  const p = new Float64Array(k);
  const l2 = options.l2 ?? 1e-3;
  const lr = options.learningRate ?? 0.05;
  const epochs = options.epochs ?? 1500;
  for (let t = 1; t <= epochs; t++) {
    gW.fill(0);
    gB.fill(0);
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      for (let c = 0; c < k; c++) {
        let s = b[c]!;
        for (let j = 0; j < f; j++) s += row[j]! * w[j * k + c]!;
        logits[c] = s;
      }
      softmaxInto(logits, p);
      const cw = classWeight[y[i]!]! / n;
      for (let c = 0; c < k; c++) {
        const d = (p[c]! - (c === y[i] ? 1 : 0)) * cw;
        if (!d) continue;
        gB[c] = gB[c]! + d;
        for (let j = 0; j < f; j++) gW[j * k + c] = gW[j * k + c]! + d * row[j]!;
      }
    }
    for (let q = 0; q < f * k; q++) gW[q] = gW[q]! + l2 * w[q]!;
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let q = 0; q < f * k; q++) {
      mW[q] = 0.9 * mW[q]! + 0.1 * gW[q]!;
      vW[q] = 0.999 * vW[q]! + 0.001 * gW[q]! ** 2;
      w[q] = w[q]! - (lr * (mW[q]! / c1)) / (Math.sqrt(vW[q]! / c2) + 1e-8);
    }
    for (let c = 0; c < k; c++) {
      mB[c] = 0.9 * mB[c]! + 0.1 * gB[c]!;
      vB[c] = 0.999 * vB[c]! + 0.001 * gB[c]! ** 2;
      b[c] = b[c]! - (lr * (mB[c]! / c1)) / (Math.sqrt(vB[c]! / c2) + 1e-8);
    }
    // A class absent from training never wins.
    for (let c = 0; c < k; c++) if (!counts[c]) b[c] = -30;
  }
  return { featureNames, labels, mean, std, weights: Float32Array.from(w), bias: Float32Array.from(b) };
}

/** Logits of one (raw) feature row under `model`. */
export function logitsOf(model: LinearModel, row: Float32Array): Float64Array {
  const k = model.labels.length;
  const out = Float64Array.from(model.bias);
  for (let j = 0; j < model.featureNames.length; j++) {
    const v = (row[j]! - model.mean[j]!) / model.std[j]!;
    for (let c = 0; c < k; c++) out[c] = out[c]! + v * model.weights[j * k + c]!;
  }
  return out;
}

/** The temperature (0.25..10) minimising negative log-likelihood on a calibration set (Guo et al. 2017). */
export function fitTemperature(logits: Float64Array[], y: number[]): number {
  const nll = (temperature: number) => {
    let total = 0;
    const p = new Float64Array(logits[0]?.length ?? 0);
    logits.forEach((l, i) => {
      softmaxInto(l.map((v) => v / temperature), p);
      total -= Math.log(Math.max(1e-12, p[y[i]!]!));
    });
    return total;
  };
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.25; t <= 10; t *= 1.05) {
    const loss = nll(t);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

/** Folds a temperature into the model (logits / T). */
export function withTemperature(model: LinearModel, temperature: number): LinearModel {
  return { ...model, weights: model.weights.map((v) => v / temperature), bias: model.bias.map((v) => v / temperature) };
}

export interface Scores {
  n: number;
  accuracy: number;
  /** Unweighted average recall over the classes present: the usual speech-emotion figure. */
  uar: number;
  macroF1: number;
  /** Expected calibration error, 10 bins of top-class confidence. */
  ece: number;
  perClassRecall: Record<string, number>;
  /** confusion[true][predicted]. */
  confusion: number[][];
}

/** Held-out figures from probabilities and true labels. */
export function score(probabilities: ArrayLike<number>[], y: number[], labels: readonly string[]): Scores {
  const k = labels.length;
  const confusion = labels.map(() => new Array<number>(k).fill(0));
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, correct: 0 }));
  probabilities.forEach((p, i) => {
    let top = 0;
    for (let c = 1; c < k; c++) if (p[c]! > p[top]!) top = c;
    confusion[y[i]!]![top]!++;
    const bin = bins[Math.min(9, Math.floor(p[top]! * 10))]!;
    bin.n++;
    bin.conf += p[top]!;
    bin.correct += top === y[i] ? 1 : 0;
  });
  const n = y.length;
  const correct = confusion.reduce((s, row, c) => s + row[c]!, 0);
  const perClassRecall: Record<string, number> = {};
  const recalls: number[] = [];
  const f1s: number[] = [];
  for (let c = 0; c < k; c++) {
    const support = confusion[c]!.reduce((s, v) => s + v, 0);
    if (!support) continue;
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    const recall = confusion[c]![c]! / support;
    const precision = predicted ? confusion[c]![c]! / predicted : 0;
    perClassRecall[labels[c]!] = round(recall);
    recalls.push(recall);
    f1s.push(precision + recall ? (2 * precision * recall) / (precision + recall) : 0);
  }
  const ece = bins.reduce((s, b) => s + (b.n ? (b.n / n) * Math.abs(b.conf / b.n - b.correct / b.n) : 0), 0);
  const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0);
  return { n, accuracy: round(correct / n), uar: round(mean(recalls)), macroF1: round(mean(f1s)), ece: round(ece), perClassRecall, confusion };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** A confusion matrix as text: a header of labels, then one row per true label. */
export function formatConfusion(confusion: number[][], labels: readonly string[]): string {
  const header = `confusion (rows: true, columns: predicted)\n          ${labels.map((l) => l.slice(0, 4).padStart(5)).join('')}`;
  return [header, ...confusion.map((row, i) => `${labels[i]!.padEnd(10)}${row.map((v) => String(v).padStart(5)).join('')}`)].join('\n');
}
