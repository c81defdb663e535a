/** Signal processing the pipeline needs: resampling, normalisation, an FFT. Plain typed arrays, no allocation per frame. */

/** The rate everything after decoding works at (Silero VAD's and the emotion model's). */
export const TARGET_RATE = 16000;

const kernelCache = new Map<string, { taps: number; table: Float32Array; phases: number }>();

/**
 * Resamples `input` from `fromRate` to `toRate` with a windowed-sinc (Blackman) low-pass, so
 * downsampling 44.1/48 kHz does not alias. 16 taps a side, 256 precomputed phases.
 */
export function resample(input: Float32Array, fromRate: number, toRate = TARGET_RATE): Float32Array {
  if (fromRate === toRate) return input;
  const ratio = toRate / fromRate;
  const cutoff = Math.min(1, ratio) * 0.95;
  const half = 16;
  const phases = 256;
  const key = `${cutoff}`;
  let kernel = kernelCache.get(key);
  if (!kernel) {
    // table[p * (2*half) + k]: the weight of input sample (floor(t) - half + 1 + k) at fractional position p/phases.
    const taps = 2 * half;
    const table = new Float32Array((phases + 1) * taps);
    for (let p = 0; p <= phases; p++) {
      const frac = p / phases;
      for (let k = 0; k < taps; k++) {
        const x = k - half + 1 - frac;
        const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
        const w = 0.42 + 0.5 * Math.cos((Math.PI * x) / half) + 0.08 * Math.cos((2 * Math.PI * x) / half);
        table[p * taps + k] = Math.abs(x) >= half ? 0 : cutoff * sinc * w;
      }
    }
    kernel = { taps, table, phases };
    kernelCache.set(key, kernel);
  }
  const { taps, table } = kernel;
  const outLength = Math.floor(input.length * ratio);
  const out = new Float32Array(outLength);
  const step = fromRate / toRate;
  const last = input.length - 1;
  for (let i = 0; i < outLength; i++) {
    const t = i * step;
    const base = Math.floor(t);
    const phase = Math.round((t - base) * phases);
    const row = phase * taps;
    let acc = 0;
    const first = base - half + 1;
    if (first >= 0 && first + taps - 1 <= last) {
      // Four running sums rather than one: a single sum is a chain of dependent adds, which made
      // this loop latency-bound (4 ms for 5 s of 48 kHz audio). Taps are a multiple of 4.
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let k = 0; k < taps; k += 4) {
        a0 += input[first + k]! * table[row + k]!;
        a1 += input[first + k + 1]! * table[row + k + 1]!;
        a2 += input[first + k + 2]! * table[row + k + 2]!;
        a3 += input[first + k + 3]! * table[row + k + 3]!;
      }
      acc = a0 + a1 + (a2 + a3);
    } else {
      for (let k = 0; k < taps; k++) {
        const j = first + k;
        if (j >= 0 && j <= last) acc += input[j]! * table[row + k]!;
      }
    }
    out[i] = acc;
  }
  return out;
}

/**
 * Removes DC and scales to a target RMS (default -23 dBFS, roughly broadcast loudness) without
 * letting the peak pass 0.99. Returns the gain applied (linear) with the signal (changed in place).
 */
export function normalise(samples: Float32Array, targetRms = 0.0708): { samples: Float32Array; gain: number; rms: number } {
  let mean = 0;
  for (let i = 0; i < samples.length; i++) mean += samples[i]!;
  mean /= samples.length || 1;
  let energy = 0;
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]! - mean;
    samples[i] = v;
    energy += v * v;
    const a = v < 0 ? -v : v;
    if (a > peak) peak = a;
  }
  const rms = Math.sqrt(energy / (samples.length || 1));
  if (rms === 0) return { samples, gain: 1, rms };
  const gain = Math.min(targetRms / rms, 0.99 / peak);
  for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! * gain;
  return { samples, gain, rms };
}

/** An in-place radix-2 complex FFT of size `n` (a power of two) with precomputed twiddles and bit reversal. */
export class Fft {
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly rev: Uint32Array;

  constructor(readonly n: number) {
    if (n & (n - 1)) throw new Error('FFT size must be a power of two.');
    this.cos = new Float64Array(n / 2);
    this.sin = new Float64Array(n / 2);
    for (let i = 0; i < n / 2; i++) {
      this.cos[i] = Math.cos((2 * Math.PI * i) / n);
      this.sin[i] = -Math.sin((2 * Math.PI * i) / n);
    }
    this.rev = new Uint32Array(n);
    const bits = Math.log2(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
  }

  /** Transforms (re, im) in place. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const j = this.rev[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    // The first two stages as one pass: their twiddles are 1 and -i, so no multiplications.
    if (n >= 4) {
      for (let a = 0; a < n; a += 4) {
        const r0 = re[a]! + re[a + 1]!;
        const i0 = im[a]! + im[a + 1]!;
        const r1 = re[a]! - re[a + 1]!;
        const i1 = im[a]! - im[a + 1]!;
        const r2 = re[a + 2]! + re[a + 3]!;
        const i2 = im[a + 2]! + im[a + 3]!;
        const r3 = re[a + 2]! - re[a + 3]!;
        const i3 = im[a + 2]! - im[a + 3]!;
        re[a] = r0 + r2;
        im[a] = i0 + i2;
        re[a + 2] = r0 - r2;
        im[a + 2] = i0 - i2;
        // (r3 + i·i3)·(-i) = i3 - i·r3
        re[a + 1] = r1 + i3;
        im[a + 1] = i1 - r3;
        re[a + 3] = r1 - i3;
        im[a + 3] = i1 + r3;
      }
    }
    const { cos, sin } = this;
    let size = n >= 4 ? 8 : 2;
    // Then two stages per pass (spans `size` and 2·size): the same butterflies and twiddles as one
    // stage at a time (so the same results), but each value is loaded and stored once per two
    // stages, and memory traffic is what these loops spend their time on.
    for (; 2 * size <= n; size *= 4) {
      const half = size >> 1;
      const step = (n / size) | 0;
      const step2 = step >> 1;
      for (let k = 0; k < half; k++) {
        const w1r = cos[k * step]!;
        const w1i = sin[k * step]!;
        const w2r = cos[k * step2]!;
        const w2i = sin[k * step2]!;
        const w3r = cos[(k + half) * step2]!;
        const w3i = sin[(k + half) * step2]!;
        for (let a = k; a < n; a += 2 * size) {
          const b = a + half;
          const c = a + size;
          const d = c + half;
          // First stage: (a, b) and (c, d), twiddle w1.
          let xr = re[b]! * w1r - im[b]! * w1i;
          let xi = re[b]! * w1i + im[b]! * w1r;
          const br = re[a]! - xr;
          const bi = im[a]! - xi;
          const ar = re[a]! + xr;
          const ai = im[a]! + xi;
          xr = re[d]! * w1r - im[d]! * w1i;
          xi = re[d]! * w1i + im[d]! * w1r;
          const dr = re[c]! - xr;
          const di = im[c]! - xi;
          const cr = re[c]! + xr;
          const ci = im[c]! + xi;
          // Second stage: (a, c) with twiddle w2, (b, d) with w3.
          xr = cr * w2r - ci * w2i;
          xi = cr * w2i + ci * w2r;
          re[c] = ar - xr;
          im[c] = ai - xi;
          re[a] = ar + xr;
          im[a] = ai + xi;
          xr = dr * w3r - di * w3i;
          xi = dr * w3i + di * w3r;
          re[d] = br - xr;
          im[d] = bi - xi;
          re[b] = br + xr;
          im[b] = bi + xi;
        }
      }
    }
    // A last single stage when the stage count left was odd.
    if (size <= n) {
      const half = size >> 1;
      const step = (n / size) | 0;
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sin[k * step]!;
        for (let a = k; a < n; a += size) {
          const b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }
}

/**
 * The FFT of a real signal of `n` points (a power of two) through one complex FFT of n/2 points:
 * even samples go in as real parts, odd ones as imaginary parts, and one pass splits the result
 * into the spectrum. Half the work of a complex FFT of n points, for the same bins 0..n/2.
 */
export class RealFft {
  private readonly half: Fft;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  /** e^(-2πik/n), k = 0..n/2: the twiddles of the split pass. */
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;

  constructor(readonly n: number) {
    if (n < 4 || n & (n - 1)) throw new Error('Real FFT size must be a power of two, at least 4.');
    const m = n / 2;
    this.half = new Fft(m);
    this.zr = new Float64Array(m);
    this.zi = new Float64Array(m);
    this.wr = new Float64Array(m + 1);
    this.wi = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) {
      this.wr[k] = Math.cos((2 * Math.PI * k) / n);
      this.wi[k] = -Math.sin((2 * Math.PI * k) / n);
    }
  }

  /**
   * Bins 0..n/2 of the spectrum of real `input` into `re` and `im` (each at least n/2 + 1 long);
   * with `bins`, only the first `bins` of them (the rest of `re` and `im` is left as it was).
   * `input` may be shorter than n (zero-padded) but must have an even length.
   */
  forward(input: Float64Array, re: Float64Array, im: Float64Array, bins = this.n / 2 + 1): void {
    const m = this.n / 2;
    const { zr, zi, wr, wi } = this;
    const pairs = input.length >> 1;
    if (input.length & 1 || pairs > m) throw new Error('Real FFT input must have an even length of at most n.');
    for (let k = 0; k < pairs; k++) {
      zr[k] = input[2 * k]!;
      zi[k] = input[2 * k + 1]!;
    }
    zr.fill(0, pairs);
    zi.fill(0, pairs);
    this.half.transform(zr, zi);
    // With Z the half-size transform (Z[m] = Z[0]): evens E = (Z[k] + conj Z[m-k]) / 2,
    // odds O = (Z[k] - conj Z[m-k]) / 2i, and X[k] = E + e^(-2πik/n) O. Bins 0 and m pair Z[0]
    // with itself: X[0] = Re + Im, X[m] = Re - Im of Z[0].
    const last = Math.min(bins - 1, m);
    re[0] = zr[0]! + zi[0]!;
    im[0] = 0;
    for (let k = 1; k <= last && k < m; k++) {
      const ar = zr[k]!;
      const ai = zi[k]!;
      const cr = zr[m - k]!;
      const ci = zi[m - k]!;
      const er = 0.5 * (ar + cr);
      const ei = 0.5 * (ai - ci);
      const or = 0.5 * (ai + ci);
      const oi = -0.5 * (ar - cr);
      re[k] = er + wr[k]! * or - wi[k]! * oi;
      im[k] = ei + wr[k]! * oi + wi[k]! * or;
    }
    if (last === m) {
      re[m] = zr[0]! - zi[0]!;
      im[m] = 0;
    }
  }
}

/** Percentile (0..1) of a copy of `values` (linear interpolation). */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (!values.length) return 0;
  const sorted = Float64Array.from(values).sort();
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
