import type { UtteranceAnalysis } from './peers.js';
import type { VoiceNote } from './responder.js';
import { analyseText, type TextEmotion } from './text-emotion.js';

/** Largest voice message, bytes before base64: 60 s of 16 kHz mono 16-bit PCM (1.92 MB) fits. */
export const MAX_AUDIO_BYTES = 2 * 1024 * 1024;
/** The same limit on the base64 text (4 characters per 3 bytes, plus padding). */
export const MAX_AUDIO_BASE64_CHARS = Math.ceil(MAX_AUDIO_BYTES / 3) * 4;

/**
 * The emotion the reply answers for a voice message: the words' (the person's own, or their
 * transcript). The voice alone never decides what the reply says: the shipped acoustic model was
 * trained on synthetic speech only (see its model card) and can be confidently wrong about a real
 * voice, so its reading goes to risk and the dashboards as one weak signal. Only when the words say
 * "fine" and the voice does not (concealment) does the reply treat it as a deflection and gently ask
 * again, which costs nothing if the voice was misread.
 */
export function voiceMessageEmotion(words: string, analysis: UtteranceAnalysis | null): TextEmotion {
  const fromWords = analyseText(words);
  return analysis?.concealment ? { ...fromWords, deflection: true } : fromWords;
}

/** What the reply must say about a voice message it has no words for (null when it has words). */
export function voiceNote(words: string, state: { heard: boolean; consented: boolean }): VoiceNote | null {
  if (words.trim()) return null;
  return state.heard ? 'wordless' : state.consented ? 'unavailable' : 'notHeard';
}
