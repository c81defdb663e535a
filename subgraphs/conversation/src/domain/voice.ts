import type { UtteranceAnalysis } from './peers.js';
import type { VoiceNote } from './responder.js';
import { analyseText, type Feeling, type TextEmotion } from './text-emotion.js';

/** Largest voice message, bytes before base64: 60 s of 16 kHz mono 16-bit PCM (1.92 MB) fits. */
export const MAX_AUDIO_BYTES = 2 * 1024 * 1024;
/** The same limit on the base64 text (4 characters per 3 bytes, plus padding). */
export const MAX_AUDIO_BASE64_CHARS = Math.ceil(MAX_AUDIO_BYTES / 3) * 4;

/** The feeling the local responder answers for each of the voice model's emotions. */
const FEELING_OF_VOICE: Record<string, Feeling> = {
  SAD: 'SAD',
  FEAR: 'WORRIED',
  ANGRY: 'ANGRY',
  DISGUST: 'ANGRY',
  HAPPY: 'LIGHTER',
  NEUTRAL: 'NEUTRAL',
  SURPRISE: 'NEUTRAL',
};
/** Below this the voice's emotion is too unsure to speak to (seven classes: chance is 0.14). */
const MIN_VOICE_CONFIDENCE = 0.35;

/**
 * The emotion the reply answers for a voice message: the words' feeling when they name one; else
 * the voice's, when it was heard clearly enough. When the words say "fine" and the voice does not
 * (concealment), the reply treats it as a deflection and gently asks again.
 */
export function voiceMessageEmotion(words: string, analysis: UtteranceAnalysis | null): TextEmotion {
  const fromWords = analyseText(words);
  const reading = analysis?.reading;
  if (analysis?.concealment) return { ...fromWords, deflection: true };
  if (fromWords.feeling !== 'NEUTRAL' || !reading || reading.source === 'TEXT' || reading.confidence < MIN_VOICE_CONFIDENCE) return fromWords;
  const feeling = FEELING_OF_VOICE[reading.emotion] ?? 'NEUTRAL';
  return { ...fromWords, feeling, emotion: reading.emotion as TextEmotion['emotion'], confidence: reading.confidence, deflection: false };
}

/** What the reply must say about a voice message it has no words for (null when it has words). */
export function voiceNote(words: string, state: { heard: boolean; consented: boolean }): VoiceNote | null {
  if (words.trim()) return null;
  return state.heard ? 'wordless' : state.consented ? 'unavailable' : 'notHeard';
}
