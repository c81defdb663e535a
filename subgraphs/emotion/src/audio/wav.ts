/**
 * WAV (RIFF) PCM decoding and validation.
 *
 * Only linear PCM, 16-bit, 8–48 kHz, mono or stereo, is accepted. Why only that: mobile apps can
 * record it on every platform without a codec, it needs no native decoder here (Opus/AMR/MP3/AAC
 * would need ffmpeg or a WASM codec in the request path), and 16 kHz mono is ~32 kB a second,
 * small enough for a voice turn. Other formats are refused with a reason the app can act on.
 */

/** Why a piece of audio was refused; stable codes the conversation engine can map to a message. */
export const AudioProblem = {
  EMPTY: 'EMPTY',
  UNSUPPORTED_MIME_TYPE: 'UNSUPPORTED_MIME_TYPE',
  NOT_WAV: 'NOT_WAV',
  TRUNCATED: 'TRUNCATED',
  UNSUPPORTED_ENCODING: 'UNSUPPORTED_ENCODING',
  SAMPLE_WIDTH: 'SAMPLE_WIDTH',
  SAMPLE_RATE: 'SAMPLE_RATE',
  CHANNELS: 'CHANNELS',
  TOO_LARGE: 'TOO_LARGE',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  SILENT: 'SILENT',
  CLIPPED: 'CLIPPED',
} as const;
export type AudioProblem = (typeof AudioProblem)[keyof typeof AudioProblem];

/** Audio that cannot be used; `problem` says why (the message is for people). */
export class AudioError extends Error {
  constructor(
    readonly problem: AudioProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AudioError';
  }
}

/** The MIME types taken as WAV. */
export const WAV_MIME_TYPES = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'] as const;

export interface AudioLimits {
  /** Shortest accepted audio, seconds. Default 0.5. */
  minSeconds: number;
  /** Longest accepted audio, seconds. Default 60. */
  maxSeconds: number;
  /** Largest accepted file, bytes. Default 6 MiB (60 s of 48 kHz mono). */
  maxBytes: number;
  /** Share of samples at full scale above which audio is refused as clipped. Default 0.05. */
  maxClippedRatio: number;
  /** Peak (0..1 of full scale) below which audio is refused as silent. Default 0.003 (≈ -50 dBFS). */
  minPeak: number;
}

export const DEFAULT_AUDIO_LIMITS: AudioLimits = { minSeconds: 0.5, maxSeconds: 60, maxBytes: 6 * 1024 * 1024, maxClippedRatio: 0.05, minPeak: 0.003 };

export interface DecodedAudio {
  sampleRate: number;
  /** Channels in the file (the samples are mixed down to mono). */
  channels: number;
  /** Mono samples, -1..1. */
  samples: Float32Array;
  durationSeconds: number;
  /** Share of samples (before mixing) at or within one step of full scale. */
  clippedRatio: number;
  /** Largest absolute sample, 0..1. */
  peak: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** Streaming writers (espeak-ng, ffmpeg to a pipe) put 0 or a huge placeholder where the data size goes. */
const isUnknownSize = (size: number) => size === 0 || size >= 0x7fff0000;

/** Is `mimeType` one of the WAV types (parameters such as `;codecs=1` are ignored)? */
export function isWavMimeType(mimeType: string): boolean {
  const base = mimeType.split(';')[0]!.trim().toLowerCase();
  return (WAV_MIME_TYPES as readonly string[]).includes(base);
}

/** Decodes and validates a WAV file; throws `AudioError` with the reason when it cannot be used. */
export function decodeWav(bytes: Uint8Array, limits: AudioLimits = DEFAULT_AUDIO_LIMITS): DecodedAudio {
  if (bytes.length === 0) throw new AudioError(AudioProblem.EMPTY, 'The audio is empty.');
  if (bytes.length > limits.maxBytes) throw new AudioError(AudioProblem.TOO_LARGE, `The audio is larger than ${limits.maxBytes} bytes.`);
  if (bytes.length < 12) throw new AudioError(AudioProblem.TRUNCATED, 'The audio ends inside its WAV header.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new AudioError(AudioProblem.NOT_WAV, 'The audio is not a WAV (RIFF/WAVE) file.');

  let format: { encoding: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | undefined;
  let data: { start: number; size: number } | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new AudioError(AudioProblem.TRUNCATED, 'The WAV format chunk is cut short.');
      let encoding = view.getUint16(body, true);
      if (encoding === WAVE_FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) encoding = view.getUint16(body + 24, true);
      format = {
        encoding,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new AudioError(AudioProblem.NOT_WAV, 'The WAV data comes before its format chunk.');
      const available = bytes.length - body;
      if (isUnknownSize(size)) data = { start: body, size: available };
      else if (size > available) throw new AudioError(AudioProblem.TRUNCATED, `The WAV file is truncated: ${size} bytes of audio declared, ${available} present.`);
      else data = { start: body, size };
      break;
    }
    at = body + size + (size % 2);
  }
  if (!format) throw new AudioError(AudioProblem.TRUNCATED, 'The WAV file has no format chunk (truncated header).');
  if (!data) throw new AudioError(AudioProblem.TRUNCATED, 'The WAV file has no audio data (truncated).');
  if (format.encoding !== WAVE_FORMAT_PCM) throw new AudioError(AudioProblem.UNSUPPORTED_ENCODING, `Only linear PCM WAV is accepted (this one has encoding ${format.encoding}).`);
  if (format.bits !== 16) throw new AudioError(AudioProblem.SAMPLE_WIDTH, `Only 16-bit samples are accepted (this audio has ${format.bits}-bit samples).`);
  if (format.channels < 1 || format.channels > 2) throw new AudioError(AudioProblem.CHANNELS, `Only mono or stereo audio is accepted (this audio has ${format.channels} channels).`);
  if (format.blockAlign !== format.channels * 2) throw new AudioError(AudioProblem.NOT_WAV, 'The WAV header is inconsistent (block size).');
  if (format.sampleRate < 8000 || format.sampleRate > 48000) throw new AudioError(AudioProblem.SAMPLE_RATE, `The sample rate must be 8–48 kHz (this audio is ${format.sampleRate} Hz).`);

  const frames = Math.floor(data.size / format.blockAlign);
  const durationSeconds = frames / format.sampleRate;
  if (frames === 0) throw new AudioError(AudioProblem.EMPTY, 'The WAV file holds no audio.');
  if (durationSeconds > limits.maxSeconds) throw new AudioError(AudioProblem.TOO_LONG, `The audio is ${durationSeconds.toFixed(1)} s long; at most ${limits.maxSeconds} s is accepted.`);
  if (durationSeconds < limits.minSeconds) throw new AudioError(AudioProblem.TOO_SHORT, `The audio is ${durationSeconds.toFixed(2)} s long; at least ${limits.minSeconds} s is needed.`);

  const samples = new Float32Array(frames);
  const channels = format.channels;
  let clipped = 0;
  let peak = 0;
  for (let frame = 0, offset = data.start; frame < frames; frame++) {
    let sum = 0;
    for (let c = 0; c < channels; c++, offset += 2) {
      const value = view.getInt16(offset, true);
      if (value >= 32766 || value <= -32767) clipped++;
      sum += value;
    }
    const mono = sum / channels / 32768;
    const magnitude = mono < 0 ? -mono : mono;
    if (magnitude > peak) peak = magnitude;
    samples[frame] = mono;
  }
  const clippedRatio = clipped / (frames * channels);
  if (peak < limits.minPeak) throw new AudioError(AudioProblem.SILENT, 'The audio is silent.');
  if (clippedRatio > limits.maxClippedRatio) {
    throw new AudioError(AudioProblem.CLIPPED, `The audio is clipped (${(clippedRatio * 100).toFixed(1)}% of samples at full scale); record it less loud.`);
  }
  return { sampleRate: format.sampleRate, channels, samples, durationSeconds, clippedRatio, peak };
}

/** Encodes mono samples (-1..1) as a 16-bit PCM WAV file. */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  const out = Buffer.alloc(44 + samples.length * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples.length * 2, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.max(-1, Math.min(1, samples[i]!));
    out.writeInt16LE(Math.round(v < 0 ? v * 32768 : v * 32767), 44 + i * 2);
  }
  return out;
}
