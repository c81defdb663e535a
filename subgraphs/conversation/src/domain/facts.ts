/** Facts a person stated, which a reply must not contradict (the measured hallucination check). */
export type Fact =
  | { kind: 'count'; item: string; n: number }
  | { kind: 'deceased'; who: string }
  | { kind: 'no-job' }
  | { kind: 'name'; relation: string; name: string };

const NUMBERS: Record<string, number> = {
  no: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  mmoja: 1, wawili: 2, watatu: 3, wanne: 4, watano: 5, sita: 6, saba: 7, nane: 8,
};
const toNumber = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : (NUMBERS[s.toLowerCase()] ?? null));

/** Singular, English names of family items, from EN and SW words. */
const ITEMS: Record<string, string> = {
  children: 'children', kids: 'children', child: 'children', watoto: 'children', mtoto: 'children',
  sons: 'sons', son: 'sons', daughters: 'daughters', daughter: 'daughters',
  siblings: 'siblings', brothers: 'brothers', brother: 'brothers', sisters: 'sisters', sister: 'sisters', ndugu: 'siblings',
};
const PEOPLE: Record<string, string> = {
  mother: 'mother', mum: 'mother', mom: 'mother', mama: 'mother', father: 'father', dad: 'father', baba: 'father',
  husband: 'husband', mume: 'husband', wife: 'wife', mke: 'wife', son: 'son', daughter: 'daughter', brother: 'brother', kaka: 'brother',
  sister: 'sister', dada: 'sister', friend: 'friend', rafiki: 'friend', grandmother: 'grandmother', bibi: 'grandmother', shosho: 'grandmother',
  grandfather: 'grandfather', babu: 'grandfather', boyfriend: 'boyfriend', girlfriend: 'girlfriend',
};
const NUM = '(\\d+|no|one|two|three|four|five|six|seven|eight|mmoja|wawili|watatu|wanne|watano|sita|saba|nane)';
const PERSON_WORDS = Object.keys(PEOPLE).join('|');

/** Facts stated in the person's own words (English and Swahili patterns). */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(?:i have|i've got|nina)\\s+${NUM}\\s+(children|kids|sons|daughters|siblings|brothers|sisters)\\b`, 'gi'))) {
    const n = toNumber(m[1]!);
    if (n !== null) facts.push({ kind: 'count', item: ITEMS[m[2]!.toLowerCase()]!, n });
  }
  for (const m of text.matchAll(new RegExp(`\\b(watoto|ndugu)\\s+${NUM}\\b`, 'gi'))) {
    const n = toNumber(m[2]!);
    if (n !== null) facts.push({ kind: 'count', item: ITEMS[m[1]!.toLowerCase()]!, n });
  }
  if (/\b(?:i (?:don'?t|do not) have (?:any )?(?:children|kids)|i have no (?:children|kids)|sina watoto|sina mtoto)\b/i.test(text)) facts.push({ kind: 'count', item: 'children', n: 0 });
  for (const m of text.matchAll(new RegExp(`\\bmy (${PERSON_WORDS})\\s+(?:\\[NAME_\\d+\\]\\s+|[A-Z][a-z]+\\s+)?(?:died|passed away|passed on|is dead|was killed|is no more)`, 'gi'))) {
    facts.push({ kind: 'deceased', who: PEOPLE[m[1]!.toLowerCase()]! });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${PERSON_WORDS})\\s+(?:yangu|wangu)\\s+(?:amefariki|alifariki|alikufa|amekufa|ameaga dunia|aliaga dunia)`, 'gi'))) {
    facts.push({ kind: 'deceased', who: PEOPLE[m[1]!.toLowerCase()]! });
  }
  if (/\b(?:lost my job|i (?:am|was|got) (?:fired|retrenched|laid off|sacked)|i (?:don'?t|do not) have a job|i have no job|i(?:'m| am) (?:jobless|unemployed)|sina kazi|nimefutwa kazi|nilifutwa kazi|nimepoteza kazi)\b/i.test(text)) {
    facts.push({ kind: 'no-job' });
  }
  for (const m of text.matchAll(new RegExp(`\\b[Mm]y (${PERSON_WORDS}),?\\s+([A-Z][a-z]+|\\[NAME_\\d+\\])`, 'g'))) {
    facts.push({ kind: 'name', relation: PEOPLE[m[1]!.toLowerCase()]!, name: m[2]! });
  }
  return dedupe(facts);
}

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => !seen.has(JSON.stringify(f)) && seen.add(JSON.stringify(f)));
}

export interface Contradiction {
  fact: Fact;
  sentence: string;
  /** False when the reply only might contradict the fact (for human review). */
  certain: boolean;
}

/** Where `sentence` (of a reply) contradicts a stated fact. */
export function contradictions(sentence: string, facts: Fact[]): Contradiction[] {
  const found: Contradiction[] = [];
  const s = sentence;
  for (const fact of facts) {
    if (fact.kind === 'count') {
      for (const m of s.matchAll(new RegExp(`\\b(?:your|all)\\s+${NUM}\\s+(children|kids|sons|daughters|siblings|brothers|sisters)\\b`, 'gi'))) {
        const n = toNumber(m[1]!);
        if (ITEMS[m[2]!.toLowerCase()] === fact.item && n !== null && n !== fact.n) found.push({ fact, sentence, certain: true });
      }
      for (const m of s.matchAll(new RegExp(`\\bwatoto\\s+(?:wako\\s+)?${NUM}\\b`, 'gi'))) {
        const n = toNumber(m[1]!);
        if (fact.item === 'children' && n !== null && n !== fact.n) found.push({ fact, sentence, certain: true });
      }
      if (fact.n === 0 && fact.item === 'children' && /\b(?:your (?:children|kids)|watoto wako)\b/i.test(s)) found.push({ fact, sentence, certain: true });
    } else if (fact.kind === 'deceased') {
      const en = Object.entries(PEOPLE).filter(([, v]) => v === fact.who).map(([k]) => k).join('|');
      if (new RegExp(`\\b(?:talk(?:ing)? to|speak(?:ing)? (?:to|with)|call|ask|visit|tell|reach out to|lean on|spend time with|check (?:in )?(?:with|on))\\s+your\\s+(?:${en})\\b`, 'i').test(s)) found.push({ fact, sentence, certain: true });
      else if (new RegExp(`\\b(?:zungumza na|ongea na|mpigie|mwambie|mtembelee|muulize)\\s+(?:${en})\\s+(?:yako|wako)\\b`, 'i').test(s)) found.push({ fact, sentence, certain: true });
      // "Your mother is …" about a person who died, unless the sentence speaks of the loss.
      else if (new RegExp(`\\byour\\s+(?:${en})\\s+(?:is|will be|must be|can|would)\\b`, 'i').test(s) && !/\b(?:los[est]|losing|miss|missing|death|died|passed|grief|memory|remember|kupoteza|kifo|msiba)\w*/i.test(s)) {
        found.push({ fact, sentence, certain: false });
      }
    } else if (fact.kind === 'no-job') {
      if (/\b(?:your (?:boss|manager|colleagues?|co-?workers?|workplace|employer|office)|at work today|kazini kwako|bosi wako)\b/i.test(s)) found.push({ fact, sentence, certain: true });
      else if (/\b(?:your (?:job|work)|kazi yako)\b/i.test(s) && !/\b(?:los[et]|losing|without|find|new|looking for|search|kupoteza|kutafuta|mpya)\b/i.test(s)) found.push({ fact, sentence, certain: false });
    } else if (fact.kind === 'name') {
      const en = Object.entries(PEOPLE).filter(([, v]) => v === fact.relation).map(([k]) => k).join('|');
      for (const m of s.matchAll(new RegExp(`\\byour (?:${en}),?\\s+([A-Z][a-z]+|\\[NAME_\\d+\\])`, 'g'))) {
        if (m[1] !== fact.name) found.push({ fact, sentence, certain: true });
      }
    }
  }
  return found;
}
