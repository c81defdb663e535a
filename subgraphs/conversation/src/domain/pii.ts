import { readFileSync } from 'node:fs';

/** The kinds of personal data replaced before any external call. */
export type PiiType = 'EMAIL' | 'PHONE' | 'MPESA_CODE' | 'NATIONAL_ID' | 'PASSPORT' | 'DATE_OF_BIRTH' | 'DATE' | 'ADDRESS' | 'NAME';

const GAZETTEER: string[] = (JSON.parse(readFileSync(new URL('../../data/pii-names.json', import.meta.url), 'utf8')) as { names: string[] }).names;

const CAP = String.raw`[A-Z][a-z'’-]+`;
const NAME_WORDS = String.raw`${CAP}(?:\s+${CAP})?`;
const RELATIONS =
  'friend|sister|brother|mother|mum|mom|mama|father|dad|baba|husband|wife|boyfriend|girlfriend|son|daughter|boss|teacher|cousin|aunt|auntie|uncle|neighbour|neighbor|pastor|partner|ex|colleague|landlord|landlady|child|baby|grandmother|grandfather|shosho|guka|manager|doctor|therapist|counsellor|roommate|classmate|fiance|fiancee';
const SW_RELATIONS = 'rafiki|dada|kaka|mama|baba|mume|mke|mtoto|shangazi|mjomba|bosi|mwalimu|jirani|mpenzi|bibi|babu|binamu|mchungaji|daktari';
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januari|februari|machi|aprili|mei|juni|julai|agosti|septemba|oktoba|novemba|desemba';
/** `word` matching either case letter by letter, so a cue is case-insensitive while names stay capitalised. */
const ci = (words: string) => words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const BIRTH_CUE = /(born|birth|dob|d\.o\.b|nilizaliwa|alizaliwa|kuzaliwa|siku ya kuzaliwa)\W*(?:\w+\W+){0,3}$/i;

interface Rule {
  type: PiiType | ((match: string, before: string) => PiiType);
  pattern: RegExp;
  /** The capture group holding the value (default the whole match). */
  group?: number;
}

/** Applied in order; each later rule sees earlier values already replaced. */
const RULES: Rule[] = [
  { type: 'EMAIL', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  // Kenya +254 / Uganda +256 / Tanzania +255, with or without the country code, spaced, dashed or dotted.
  { type: 'PHONE', pattern: /(?<![\w+])(?:(?:\+|00)\s?25[456][\s.-]?\(?0?\)?\s?\d{2,3}|0[1-7]\d{1,3})[\s.-]?\d{3}[\s.-]?\d{3,4}(?!\d)/g },
  { type: 'PHONE', pattern: /(?<![\w+])[17]\d{2}[\s-]\d{3}[\s-]\d{3}(?!\d)/g },
  // Tanzania NIDA (20 digits, often 8-5-5-2), Uganda NIN (CM/CF + 12).
  { type: 'NATIONAL_ID', pattern: /\b\d{8}-?\d{5}-?\d{5}-?\d{2}\b/g },
  { type: 'NATIONAL_ID', pattern: /\bC[MF][A-Z0-9]{12}\b/gi },
  // M-Pesa (and similar mobile-money) transaction codes: 10 letters and digits, starting with a letter, at least two digits.
  { type: 'MPESA_CODE', pattern: /\b[A-Za-z](?=(?:[A-Za-z]*\d){2})[A-Za-z0-9]{9}\b/g },
  // Passports: one or two letters and 6 to 8 digits (KE A/AK…, UG B…, TZ AB…).
  { type: 'PASSPORT', pattern: /\b[A-Z]{1,2}\d{6,8}\b/g },
  // Kenyan ID numbers (and any other 6-9 digit identifier after an ID cue), then any bare 7-8 digit number.
  { type: 'NATIONAL_ID', pattern: /(?:\bID|I\.D\.|kitambulisho|huduma(?:\s+namba)?|passport|pasipoti)\s*(?:number|no\.?|namba|#)?\s*(?:is|ni|:)?\s*(\d{6,9})\b/gi, group: 1 },
  { type: 'NATIONAL_ID', pattern: /(?<![\d.,])\b\d{7,8}\b(?![.,]\d)/g },
  // Dates (a date of birth when a birth cue comes shortly before).
  {
    type: (_m, before) => (BIRTH_CUE.test(before) ? 'DATE_OF_BIRTH' : 'DATE'),
    pattern: new RegExp(
      String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\.?,?\s+(?:19|20)\d{2}|(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})\b`,
      'gi',
    ),
  },
  { type: 'DATE_OF_BIRTH', pattern: /(?:born in|born on|nilizaliwa(?: mwaka)?|mwaka wa kuzaliwa)\s+((?:19|20)\d{2})\b/gi, group: 1 },
  // Addresses: P.O. boxes, numbered streets, named roads, plots and houses, Swahili street forms, "I live at …".
  { type: 'ADDRESS', pattern: /\b(?:P\.?\s?O\.?\s?Box|S\.?\s?L\.?\s?P\.?|Sanduku la Posta)\s*\d+(?:\s*-\s*\d{5})?(?:,?\s+[A-Z][a-z]+)?/gi },
  { type: 'ADDRESS', pattern: new RegExp(String.raw`\b(?:\d{1,5}[A-Za-z]?,?\s+)?(?:${CAP}\s+){1,2}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Crescent|Highway)\b`, 'g') },
  { type: 'ADDRESS', pattern: /\b(?:House|Hse|Plot|Apartment|Apt|Flat|Block|Nyumba)\s*(?:No\.?|Number|namba)?\s*[A-Z]?\d+[A-Z]?\b/gi },
  { type: 'ADDRESS', pattern: new RegExp(String.raw`\b(?:Barabara ya|Mtaa wa)\s+${NAME_WORDS}`, 'g') },
  { type: 'ADDRESS', pattern: new RegExp(String.raw`(?:\bI live (?:at|on|in)|\b${ci('ninaishi|naishi|nakaa|ninakaa')})\s+(${CAP}(?:\s+[A-Z0-9][\w'-]*){0,3})`, 'g'), group: 1 },
  // Names after a cue.
  { type: 'NAME', pattern: new RegExp(String.raw`\b(?:${ci('my name is|i am called|call me|jina langu ni|naitwa|ninaitwa|mimi ni')})\s+(${NAME_WORDS})`, 'g'), group: 1 },
  { type: 'NAME', pattern: new RegExp(String.raw`\b(?:${ci('my|our|his|her|their|a')})\s+(?:${ci(RELATIONS)})(?:'s)?,?\s+(${NAME_WORDS})`, 'g'), group: 1 },
  { type: 'NAME', pattern: new RegExp(String.raw`\b(?:${ci(SW_RELATIONS)})(?:\s+(?:yangu|wangu|yake|wake|yetu|wetu))?,?\s+(${NAME_WORDS})`, 'g'), group: 1 },
  { type: 'NAME', pattern: new RegExp(String.raw`\b(?:Mr|Mrs|Ms|Miss|Dr|Pastor|Rev|Mzee|Bi|Bw|Mwalimu|Sheikh|Imam)\.?\s+(${NAME_WORDS})`, 'g'), group: 1 },
  { type: 'NAME', pattern: new RegExp(String.raw`\b(?:${GAZETTEER.join('|')})\b(?:\s+${CAP})?`, 'g') },
];

/** Placeholders look like `[PHONE_1]`; a model may drop the brackets. */
const PLACEHOLDER = /\[?\b(EMAIL|PHONE|MPESA_CODE|NATIONAL_ID|PASSPORT|DATE_OF_BIRTH|DATE|ADDRESS|NAME)_(\d+)\b\]?/g;

/**
 * Replaces personal data with typed placeholders (`[NAME_1]`, `[PHONE_2]`…) before any external
 * call, and puts the originals back into the reply for the person. One masker per turn: the same
 * value always gets the same placeholder, across the message, the summary and the history.
 */
export class PiiMasker {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<PiiType, number>();

  private placeholder(type: PiiType, value: string): string {
    const key = value.trim();
    const existing = this.byValue.get(key);
    if (existing) return existing;
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    const placeholder = `[${type}_${n}]`;
    this.byValue.set(key, placeholder);
    this.byPlaceholder.set(placeholder, key);
    return placeholder;
  }

  /** `text` with every personal value replaced. */
  mask(text: string): string {
    let out = text;
    for (const rule of RULES) {
      out = out.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
        const offset = rest.find((r) => typeof r === 'number') as number;
        const value = rule.group ? (rest[rule.group - 1] as string | undefined) : match;
        if (!value || /^\[[A-Z_]+_\d+\]$/.test(value) || /\[[A-Z_]+_\d+\]/.test(value)) return match;
        const type = typeof rule.type === 'function' ? rule.type(match, out.slice(Math.max(0, offset - 40), offset)) : rule.type;
        const placeholder = this.placeholder(type, value);
        return rule.group ? match.replace(value, placeholder) : placeholder;
      });
    }
    // A name found after a cue is masked wherever else it appears.
    for (const [value, placeholder] of this.byValue) {
      if (!placeholder.startsWith('[NAME_')) continue;
      out = out.replace(new RegExp(String.raw`\b${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'g'), placeholder);
    }
    return out;
  }

  /** `text` (a model's reply) with the placeholders turned back into the person's values; unknown ones are dropped. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (_m, type: string, n: string) => this.byPlaceholder.get(`[${type}_${n}]`) ?? '');
  }

  /** The values masked so far (for tests: none of them may leave). */
  values(): string[] {
    return [...this.byValue.keys()];
  }
}
