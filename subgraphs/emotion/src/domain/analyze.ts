import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput } from '@resona/errors';
import type { PubSub } from '@resona/pubsub';
import { BASELINE_FEATURES, FEATURE_NAMES } from '../audio/features.js';
import { featuresOf, prepareAudio, type PreparedAudio } from '../audio/pipeline.js';
import type { SileroVad } from '../audio/vad.js';
import { AudioError, AudioProblem, DEFAULT_AUDIO_LIMITS, encodeWav, isWavMimeType, type AudioLimits } from '../audio/wav.js';
import { TARGET_RATE } from '../audio/dsp.js';
import { EMOTIONS, EmotionReadingEntity, type EmotionReading, type EmotionSource } from '../entities.js';
import type { EmotionClassifier } from '../model/classifier.js';
import { textEmotion, type TextEmotion } from '../text/emotion.js';
import { detectLanguage } from '@resona/language';
import { applyBaseline } from './baseline.js';
import { degradeByQuality, fuse } from './fusion.js';
import { publishReading, validateReading } from './readings.js';
import type { Transcriber } from './stt.js';

/** Consent types analyzeUtterance reads (privacy owns them). */
export const Consent = { VOICE_PROCESSING: 'VOICE_PROCESSING', EMOTION_ANALYSIS: 'EMOTION_ANALYSIS', EXTERNAL_AI: 'EXTERNAL_AI' } as const;
/** Longest transcript read, characters. */
export const MAX_TRANSCRIPT_CHARS = 5000;

export interface AnalyzeUtteranceInput {
  userId: string;
  messageId?: string | null;
  audio?: { base64: string; mimeType: string } | null;
  /** The client's own (on-device) transcript. */
  transcript?: string | null;
  /** The consent types the person has granted now. */
  consents: readonly string[];
}

export interface UtteranceAnalysis {
  /** null without EMOTION_ANALYSIS consent, or with nothing to read (audio without VOICE_PROCESSING and no words). */
  reading: EmotionReading | null;
  transcript: string | null;
  language: string | null;
  /** 0..1 audio quality; null without processed audio. */
  quality: number | null;
  /** Quality problems (LOW_SNR, CLIPPING, LITTLE_SPEECH, NO_SPEECH). */
  qualityFlags: string[];
  concealment: boolean | null;
  dissonance: number | null;
  deviation: number | null;
  /** Where the transcript came from. */
  transcriptSource: 'CLIENT' | 'STT' | null;
}

export interface AnalyzerDeps {
  vad: SileroVad;
  classifier: EmotionClassifier;
  /** Configured speech to text, if any. */
  transcriber?: Transcriber | null;
  limits?: AudioLimits;
  pubsub: PubSub;
  logger: Logger;
}

/** A BAD_USER_INPUT on `audio` with the stable `reason` (an AudioProblem). */
export const badAudio = (reason: AudioProblem, message: string) => badUserInput(message, 'audio', { reason });

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** Decodes the payload (refusing what is not a usable WAV) and runs VAD and quality. */
async function readAudio(audio: { base64: string; mimeType: string }, deps: AnalyzerDeps): Promise<PreparedAudio> {
  const limits = deps.limits ?? DEFAULT_AUDIO_LIMITS;
  if (!isWavMimeType(audio.mimeType)) {
    throw badAudio(AudioProblem.UNSUPPORTED_MIME_TYPE, `Audio must be WAV (PCM 16-bit, 8–48 kHz), sent as audio/wav; got ${audio.mimeType.slice(0, 60)}.`);
  }
  if ((audio.base64.length * 3) / 4 > limits.maxBytes + 4) throw badAudio(AudioProblem.TOO_LARGE, `The audio is larger than ${limits.maxBytes} bytes.`);
  if (!BASE64.test(audio.base64)) throw badAudio(AudioProblem.NOT_WAV, 'The audio is not valid base64.');
  try {
    return await prepareAudio(Buffer.from(audio.base64, 'base64'), deps.vad, limits);
  } catch (error) {
    if (error instanceof AudioError) throw badAudio(error.problem, error.message);
    throw error;
  }
}

/** What the baseline follows for one reading: voice features (when there is voice), the emotion mix, valence and arousal. */
function baselineValues(features: Float32Array | null, scores: number[], valence: number, arousal: number): Record<string, number> {
  const values: Record<string, number> = { valence, arousal };
  EMOTIONS.forEach((e, i) => (values[`mix_${e}`] = scores[i]!));
  if (features) for (const name of BASELINE_FEATURES) values[name] = features[FEATURE_NAMES.indexOf(name)]!;
  return values;
}

/**
 * The voice turn's emotion step: audio (with VOICE_PROCESSING) → decode/validate → 16 kHz →
 * normalise → Silero VAD → quality → transcript (the client's, or STT when allowed) → language →
 * (with EMOTION_ANALYSIS) features → ONNX model → text emotion → fusion → baseline deviation →
 * stored reading, announced after commit. One reading per message: a replay returns the first.
 */
export async function analyzeUtterance(em: EntityManager, input: AnalyzeUtteranceInput, deps: AnalyzerDeps): Promise<UtteranceAnalysis> {
  if (!isUuid(input.userId)) throw badUserInput('userId must be a UUID.', 'userId');
  if (input.messageId != null && !isUuid(input.messageId)) throw badUserInput('messageId must be a UUID.', 'messageId');
  const clientTranscript = input.transcript?.trim() || null;
  if (clientTranscript && clientTranscript.length > MAX_TRANSCRIPT_CHARS) throw badUserInput(`transcript is longer than ${MAX_TRANSCRIPT_CHARS} characters.`, 'transcript');
  if (!input.audio && !clientTranscript) throw badUserInput('Send audio, a transcript or both.', 'audio');
  const consents = new Set(input.consents);
  const mayHear = consents.has(Consent.VOICE_PROCESSING);
  const mayRead = consents.has(Consent.EMOTION_ANALYSIS);

  if (input.messageId && mayRead) {
    const existing = await em.findOne(EmotionReadingEntity, { messageId: input.messageId });
    if (existing) return analysisOf(existing, clientTranscript, existing.language ?? null, existing.quality ?? null, [], clientTranscript ? 'CLIENT' : null);
  }

  const audio = input.audio && mayHear ? await readAudio(input.audio, deps) : null;
  let transcript = clientTranscript;
  let transcriptSource: UtteranceAnalysis['transcriptSource'] = clientTranscript ? 'CLIENT' : null;
  const transcriber = deps.transcriber;
  // The client's transcript wins (nothing leaves the device twice); STT only without one, and only in-country or with EXTERNAL_AI.
  if (!transcript && audio && transcriber && (transcriber.inCountry || consents.has(Consent.EXTERNAL_AI)) && audio.vad.segments.length) {
    try {
      transcript = (await transcriber.transcribe(encodeWav(audio.samples, TARGET_RATE))) || null;
      transcriptSource = transcript ? 'STT' : null;
    } catch (err) {
      deps.logger.warn({ err }, 'speech to text failed; reading the voice alone');
    }
  }
  const language = transcript ? detectLanguage(transcript).language : null;
  const quality = audio ? audio.quality.score : null;
  const flags = audio ? audio.quality.flags : [];
  if (!mayRead || (!audio && !transcript)) {
    return { reading: null, transcript, language, quality, qualityFlags: flags, concealment: null, dissonance: null, deviation: null, transcriptSource };
  }

  const features = audio ? featuresOf(audio) : null;
  const voice = audio && features ? { probabilities: degradeByQuality(await deps.classifier.classify(features), audio.quality.score), quality: audio.quality.score } : null;
  const text: TextEmotion | null = transcript ? textEmotion(transcript) : null;
  const fused = fuse(voice, text);
  const source: EmotionSource = voice && text ? 'FUSED' : voice ? 'VOICE' : 'TEXT';
  const top = fused.scores.indexOf(Math.max(...fused.scores));
  let reading: EmotionReading;
  try {
    reading = await em.transactional(async (tx) => {
      const deviation = await applyBaseline(tx, input.userId, baselineValues(features, fused.scores, fused.valence, fused.arousal));
      const valid = validateReading({
        userId: input.userId,
        messageId: input.messageId ?? null,
        emotion: EMOTIONS[top]!,
        scores: EMOTIONS.map((emotion, i) => ({ emotion, score: fused.scores[i]! })),
        valence: fused.valence,
        arousal: fused.arousal,
        source,
        language,
        quality,
        dissonance: fused.dissonance,
        concealment: fused.concealment,
        deviation: deviation?.score ?? null,
        deviationDetail: deviation ? { ...deviation.z, marked: deviation.marked ? 1 : 0 } : null,
      });
      return tx.create(EmotionReadingEntity, { id: randomUUID(), ...valid });
    });
  } catch (error) {
    // The same message analysed concurrently (a client retry): the first reading stands, and this
    // one's baseline update was rolled back with it, so the baseline counts the message once.
    const first = error instanceof UniqueConstraintViolationException && input.messageId ? await em.fork().findOne(EmotionReadingEntity, { messageId: input.messageId }) : null;
    if (!first) throw error;
    return analysisOf(first, transcript, first.language ?? null, first.quality ?? null, flags, transcriptSource);
  }
  await publishReading(reading, deps);
  return analysisOf(reading, transcript, language, quality, flags, transcriptSource);
}

const analysisOf = (reading: EmotionReading, transcript: string | null, language: string | null, quality: number | null, flags: string[], transcriptSource: UtteranceAnalysis['transcriptSource']): UtteranceAnalysis => ({
  reading,
  transcript,
  language,
  quality,
  qualityFlags: flags,
  concealment: reading.concealment ?? null,
  dissonance: reading.dissonance ?? null,
  deviation: reading.deviation ?? null,
  transcriptSource,
});
