/** Marks clause boundaries in normalised text; patterns never match across one. */
export const BOUNDARY = ',';
/** What an idiom's tokens become once masked, so no crisis pattern can match them. */
export const MASK = '_';

export interface Normalised {
  /** Tokens joined by single spaces: lower case, no accents or apostrophes, folds applied, clause boundaries as `,`. */
  text: string;
  /** For each character of `text`, whether it lies inside double quotes in the original. */
  quoted: boolean[];
  /** Likewise for a span in single quotes ('I'd rather die than…'), opened before a word and closed after one. */
  singleQuoted: boolean[];
}

/** A single-quoted span: a quote before a word, one after a word, apostrophes inside words allowed ("'I'd rather die'"). */
const SINGLE_QUOTED = /(^|[\s(])['\u2018]((?:[^'\u2018\u2019\n]|[a-z]['\u2019][a-z])+?)['\u2019](?=[\s.,!?;:)]|$)/gi;
/** Marks single-quoted spans with characters the tokeniser drops but keeps as a quote boundary (U+0001/U+0002). */
const markSingleQuotes = (input: string) => input.replace(SINGLE_QUOTED, (_, before: string, inside: string) => `${before}\u0001 ${inside} \u0002`);

const LAUGH = /[\u{1F602}\u{1F923}\u{1F639}\u{1F606}\u{1F605}]/gu;

/**
 * Normalises a message for matching, robust to Sheng and SMS spelling: lower case, accents and
 * apostrophes dropped, letters repeated 3+ times collapsed ("nataaaka" → "nataka"), `ku-`/`ma-`
 * hyphenation joined, tokens folded through the lexicon's variant table ("wanna" → "want to",
 * "siezi" → "siwezi", "sahii" → "sasa"), laughing emoji as `lol`. Quoted spans are remembered.
 */
export function normalise(input: string, folds: Map<string, string>): Normalised {
  let text = markSingleQuotes(input)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(LAUGH, ' lol ')
    .replace(/[\u2018\u2019\u02bc`']/g, '')
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/\b(ku)-(?=[a-z])/g, '$1 ')
    .replace(/\bma-(?=[a-z])/g, 'ma')
    .replace(/(\d)-(\d)/g, '$1$2');
  const tokens: string[] = [];
  const quotedTokens: boolean[] = [];
  const singleTokens: boolean[] = [];
  let inQuote = false;
  let inSingle = false;
  for (const raw of text.split(/(\s+|[.,!?;:()\[\]{}"…\-–—/]+)/)) {
    if (!raw || /^\s+$/.test(raw)) continue;
    if (raw === '\u0001' || raw === '\u0002') {
      inSingle = raw === '\u0001';
      continue;
    }
    if (/^[.,!?;:()\[\]{}"…\-–—/]+$/.test(raw)) {
      const quotes = (raw.match(/"/g) ?? []).length;
      if (/[.,!?;:…]/.test(raw) && tokens.at(-1) !== BOUNDARY) {
        tokens.push(BOUNDARY);
        quotedTokens.push(inQuote);
        singleTokens.push(inSingle);
      }
      if (quotes % 2) inQuote = !inQuote;
      continue;
    }
    const word = raw.replace(/[^a-z0-9_]/g, '');
    if (!word) continue;
    for (const folded of (folds.get(word) ?? word).split(' ')) {
      tokens.push(folded);
      quotedTokens.push(inQuote);
      singleTokens.push(inSingle);
    }
  }
  while (tokens[0] === BOUNDARY) (tokens.shift(), quotedTokens.shift(), singleTokens.shift());
  while (tokens.at(-1) === BOUNDARY) (tokens.pop(), quotedTokens.pop(), singleTokens.pop());
  text = tokens.join(' ');
  const quoted: boolean[] = [];
  const singleQuoted: boolean[] = [];
  tokens.forEach((token, i) => {
    for (let c = 0; c <= token.length; c++) {
      quoted.push(quotedTokens[i]!);
      singleQuoted.push(singleTokens[i]!);
    }
  });
  return { text, quoted, singleQuoted };
}

/** Replaces each match of `regex` with mask tokens of the same length, keeping offsets. */
export function mask(text: string, regex: RegExp): { text: string; spans: string[] } {
  const spans: string[] = [];
  const masked = text.replace(regex, (match) => {
    spans.push(match);
    return match.replace(/[^ ]/g, MASK);
  });
  return { text: masked, spans };
}

/** The up-to-`n` tokens before `offset`, stopping at a clause boundary. */
export function tokensBefore(text: string, offset: number, n: number): string {
  const before = text.slice(0, offset).trim().split(' ');
  const out: string[] = [];
  for (let i = before.length - 1; i >= 0 && out.length < n; i--) {
    if (before[i] === BOUNDARY || !before[i]) break;
    out.unshift(before[i]!);
  }
  return out.join(' ');
}

/** The up-to-`n` tokens after `offset`, stopping at a clause boundary. */
export function tokensAfter(text: string, offset: number, n: number): string {
  const out: string[] = [];
  for (const token of text.slice(offset).trim().split(' ')) {
    if (token === BOUNDARY || !token || out.length >= n) break;
    out.push(token);
  }
  return out.join(' ');
}

/** The clause (between boundaries) around `start`..`end`. */
export function clauseAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf(` ${BOUNDARY} `, start);
  const to = text.indexOf(` ${BOUNDARY} `, end);
  return text.slice(from < 0 ? 0 : from + 3, to < 0 ? text.length : to);
}

/** The sentence (between boundaries) text before `offset`. */
export function clauseBefore(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const cut = before.lastIndexOf(` ${BOUNDARY} `);
  return cut < 0 ? before : before.slice(cut + 3);
}
