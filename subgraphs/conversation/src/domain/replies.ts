import { readFileSync } from 'node:fs';

/** The language of a message: Swahili, English, or code-switched (Sheng). */
export type ReplyLanguage = 'EN' | 'SW' | 'MIXED';

const SWAHILI_WORDS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(new URL('../../data/swahili-words.json', import.meta.url), 'utf8')) as { words: string[] }).words,
);

/** At least this share of Swahili words makes a message Swahili. */
export const SWAHILI_THRESHOLD = 0.75;
/** At least this share (and below {@link SWAHILI_THRESHOLD}) makes it code-switched. */
export const MIXED_THRESHOLD = 0.2;

const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Detects Swahili vs English vs mixed by the share of words found in the Swahili word list. */
export function detectLanguage(text: string): ReplyLanguage {
  const tokens = words(text);
  if (!tokens.length) return 'EN';
  const share = tokens.filter((w) => SWAHILI_WORDS.has(w)).length / tokens.length;
  if (share >= SWAHILI_THRESHOLD) return 'SW';
  if (share >= MIXED_THRESHOLD) return 'MIXED';
  return 'EN';
}

/** Feelings we name back to the person, by the words that signal them. */
const FEELINGS: { words: string[]; name: Record<ReplyLanguage, string> }[] = [
  { words: ['sad', 'cry', 'crying', 'huzuni', 'nalia', 'ninalia', 'naumia', 'ninaumia', 'nimeumia'], name: { EN: 'sad', SW: 'mwenye huzuni', MIXED: 'sad, una huzuni' } },
  { words: ['tired', 'exhausted', 'uchovu', 'nimechoka'], name: { EN: 'exhausted', SW: 'umechoka', MIXED: 'tired, umechoka' } },
  { words: ['anxious', 'worried', 'scared', 'afraid', 'stressed', 'stress', 'wasiwasi', 'hofu', 'woga', 'naogopa', 'ninaogopa', 'msongo'], name: { EN: 'worried', SW: 'na wasiwasi', MIXED: 'stressed, una wasiwasi' } },
  { words: ['lonely', 'alone', 'upweke', 'nimeachwa', 'peke'], name: { EN: 'alone', SW: 'mpweke', MIXED: 'lonely, uko peke yako' } },
  { words: ['angry', 'mad', 'hasira', 'nimekasirika'], name: { EN: 'angry', SW: 'na hasira', MIXED: 'angry, una hasira' } },
  { words: ['happy', 'glad', 'furaha', 'nimefurahi', 'poa', 'fiti'], name: { EN: 'a bit lighter', SW: 'na furaha kidogo', MIXED: 'better, uko poa kidogo' } },
];

const TEMPLATES: Record<ReplyLanguage, { feeling: string[]; general: string[] }> = {
  EN: {
    feeling: [
      'Thank you for telling me. It sounds like you are feeling {feeling} right now, and that matters. What has been weighing on you most today?',
      'I hear you. Feeling {feeling} can be really hard to carry. Would you like to tell me a little more about what happened?',
      'It makes sense that you feel {feeling} with everything going on. What would help you feel even a little supported right now?',
    ],
    general: [
      'Thank you for sharing this with me. I am here and listening. How are you feeling about it right now?',
      'I hear you, and I am glad you reached out. Can you tell me a bit more about what is on your mind?',
      'That sounds important to you. What would you like me to understand most about it?',
    ],
  },
  SW: {
    feeling: [
      'Asante kwa kuniambia. Inaonekana unajisikia {feeling} sasa hivi, na hilo ni muhimu. Ni nini kinakulemea zaidi leo?',
      'Nakusikia. Kujisikia {feeling} kunaweza kuwa kugumu sana. Ungependa kuniambia zaidi kuhusu kilichotokea?',
      'Inaeleweka kwamba unajisikia {feeling} kwa yote yanayoendelea. Ni nini kingekusaidia kujisikia umesaidiwa kidogo sasa hivi?',
    ],
    general: [
      'Asante kwa kunishirikisha. Niko hapa na ninakusikiliza. Unajisikiaje kuhusu hilo sasa hivi?',
      'Nakusikia, na nafurahi umeniandikia. Unaweza kuniambia zaidi kuhusu kinachoendelea akilini mwako?',
      'Hilo linaonekana kuwa muhimu kwako. Ungependa nielewe nini zaidi kuhusu hilo?',
    ],
  },
  MIXED: {
    feeling: [
      'Asante for telling me. Inaonekana you are feeling {feeling} sasa hivi, and that matters. Ni nini kinakulemea zaidi today?',
      'Nakusikia. Feeling {feeling} si rahisi kabisa. Ungependa kuniambia more about what happened?',
      'It makes sense unajisikia {feeling} na yote yanayoendelea. What would help you kidogo right now?',
    ],
    general: [
      'Asante for sharing with me. Niko hapa, I am listening. Unajisikiaje about it sasa hivi?',
      'Nakusikia, and I am glad umeniandikia. Can you tell me zaidi kuhusu what is on your mind?',
      'Hiyo inaonekana ni muhimu kwako. What would you like me kuelewa zaidi?',
    ],
  },
};

/** A stable (non-random) choice: the same text always gets the same reply. */
function pick<T>(options: T[], text: string): T {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return options[hash % options.length]!;
}

/**
 * A simple, kind, deterministic reply in the person's language: it names the feeling it hears
 * (reflective listening) and asks a gentle follow-up question. The local responder, used when no
 * external model is configured or consented to.
 */
export function composeReply(text: string): { language: ReplyLanguage; text: string } {
  const language = detectLanguage(text);
  const tokens = new Set(words(text));
  const feeling = FEELINGS.find((f) => f.words.some((w) => tokens.has(w)));
  const templates = TEMPLATES[language];
  const reply = feeling ? pick(templates.feeling, text).replace('{feeling}', feeling.name[language]) : pick(templates.general, text);
  return { language, text: reply };
}
