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
      for (let k = 0; k < taps; k++) acc += input[first + k]! * table[row + k]!;
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
    for (let size = 2; size <= n; size <<= 1) {
      const halfSize = size >> 1;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < halfSize; k++) {
          const wr = this.cos[k * step]!;
          const wi = this.sin[k * step]!;
          const a = start + k;
          const b = a + halfSize;
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

/** Percentile (0..1) of a copy of `values` (linear interpolation). */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (!values.length) return 0;
  const sorted = Float64Array.from(values).sort();
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
