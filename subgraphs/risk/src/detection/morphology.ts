/**
 * Swahili verb morphology for the crisis lexicon (`data/lexicon/morphology.json`).
 *
 * A Swahili verb is [subject][tense][object]stem[final]: "ni-ta-ji-u-a" (I will kill myself). Listing
 * phrases catches "nitajiua" but not "ntajiua", "nijiue", "tutajiua" or "nimeamua kujinyonga"; generating
 * the forms from a few verbs does. The subject prefix carries the person, so the first-person forms are
 * the writer's own risk, the third-person forms ("atajiua", "alijikata") are reports about someone
 * else, and the negative forms ("sitajiua", "sijajikata") begin with si- and are never generated.
 */

/** One verb of `morphology.json`. */
export interface MorphologyVerb {
  id: string;
  gloss: string;
  stem: string;
  /** The final vowel: -a indicative, -e subjunctive ("nijiue"); empty for loan verbs ("kujikill"). */
  finals?: string;
  /** Words that must follow ("kujitoa uhai", "kunywa sumu"). */
  tail?: string;
  /** Category of the wanting, future, present, conditional and subjunctive forms. */
  intending: string;
  /** Category of the perfect ("nimejikata", "nimekunywa sumu") and the past ("nilijikata"). */
  perfect?: string;
  past?: string;
  /** Finite forms too often mean something else ("nitakufa na njaa"): only after a governor ("nataka kufa"). */
  governedOnly?: boolean;
  /** An object that may come first and be picked up by an object infix ("ma-pills zote nitazimeza"). */
  fronted?: string;
  /** Its infinitive is an unambiguous self-harm word for the vocabulary fallback. */
  vocabulary?: boolean;
}

export interface MorphologyFile {
  subject: { first: string; plural: string; contracted: string; third: string; second: string };
  tense: { intending: string; governing: string; perfect: string; past: string; any: string };
  objects: string;
  governors: { stems: string[]; phrases: string[]; fillers: string[]; maxFillers: number };
  means: Record<string, string>;
  verbs: MorphologyVerb[];
}

/** A generated lexicon entry, in the shape of the entries of `sw.json`. */
export interface GeneratedEntry {
  id: string;
  category: string;
  patterns: string[];
}

export interface Morphology {
  entries: GeneratedEntry[];
  /** Infinitives and bare stems ("kujiua", "jimaliza") of the self-harm verbs, with their category. */
  selfHarm: { source: string; category: string }[];
  /** Third-person forms: reported speech ("atajiua", "alijikata"). */
  thirdPerson: string[];
  /** Third-person forms not in the past ("anataka kujiua", "atajiua"): a worry about someone now, not a death reported. */
  thirdPersonNow: string[];
  /** Second-person forms ("utajiua"): a crisis word, not the writer's own. */
  secondPerson: string[];
  /** `@name` placeholders resolved, for other files that name the same means. */
  expand: (source: string) => string;
}

export function expandMorphology(m: MorphologyFile): Morphology {
  const expand = (source: string) => source.replace(/@(\w+)/g, (_, name: string) => {
    if (!(name in m.means)) throw new Error(`morphology.json: unknown means @${name}`);
    return `(?:${m.means[name]})`;
  });
  const { contracted, third, second } = m.subject;
  const t = m.tense;
  const g = m.governors;
  // "nataka", "ninataka", "nilitaka", "nimeamua", "ningependa", "nikifikiria", "ntaka", … then up to
  // `maxFillers` small words ("nataka tu kujiua", "naona ni bora kujiua"), then the infinitive.
  const governor = (first: string) => `(?:${first}${t.governing}|${contracted})(?:${g.stems.join('|')})|${g.phrases.join('|')}`;
  const fillers = `(?:(?:${g.fillers.join('|')}) ){0,${g.maxFillers}}`;

  // Forms that share a prefix are joined into one pattern per form and category ("nitajiua",
  // "nitajinyonga", … as "(?:ni|n|tu)(?:na|ta|…)?(?:jiu[ae]|jinyong[ae]|…)"): the detector runs every
  // pattern over every message, and one alternation is much faster than one regex per verb.
  const groups = new Map<string, { id: string; category: string; prefix: string; bodies: string[] }>();
  const add = (form: string, category: string | undefined, prefix: string, body: string) => {
    if (!category) return;
    const key = `${form}|${category}|${prefix}`;
    if (!groups.has(key)) groups.set(key, { id: `sw.morph.${form}.${category}`, category, prefix, bodies: [] });
    groups.get(key)!.bodies.push(body);
  };
  const selfHarm: Morphology['selfHarm'] = [];
  const bodies: string[] = [];
  for (const v of m.verbs) {
    const stem = expand(v.stem);
    const finals = v.finals ?? '';
    const body = `${stem}${finals}${expand(v.tail ?? '')}`;
    const reflexive = v.stem.startsWith('ji');
    // The infinitive ends in -a ("jiue" without a prefix is "kill yourself!"); reflexive infinitives are
    // often typed without ku- ("siezi jimaliza", "nataka jiua").
    const infinitiveBody = `${stem}${finals.replace('[ae]', 'a')}${expand(v.tail ?? '')}`;
    const infinitive = reflexive ? `(?:ku ?)?${infinitiveBody}` : `ku ?${infinitiveBody}`;
    const first = reflexive ? `(?:${m.subject.first}|${m.subject.plural})` : m.subject.first;
    add('governed', v.intending, `(?:${governor(first)}) ${fillers}`, infinitive);
    if (v.vocabulary) selfHarm.push({ source: infinitive, category: v.intending === 'self_harm' ? 'self_harm' : 'ideation' });
    if (v.governedOnly) continue;
    add('intending', v.intending, `(?:${first}${t.intending}|${contracted})`, body);
    add('perfect', v.perfect, `${first}${t.perfect}`, body);
    add('past', v.past, `${first}${t.past}`, body);
    // The object may also stand before a comma ("nimenunua jik, nitainywa yote").
    if (v.fronted) add('fronted', v.intending, `${expand(v.fronted)} (?:, )?(?:\\w+ )?${first}${t.intending}${m.objects}`, `${stem}${finals}`);
    bodies.push(body);
  }
  const entries = new Map<string, GeneratedEntry>();
  for (const { id, category, prefix, bodies } of groups.values()) {
    const entry = entries.get(id) ?? entries.set(id, { id, category, patterns: [] }).get(id)!;
    entry.patterns.push(`${prefix}(?:${bodies.join('|')})`);
  }
  const all = `(?:${bodies.join('|')})`;
  return {
    entries: [...entries.values()],
    selfHarm,
    thirdPerson: [`(?:${third})${t.any}${all}`],
    thirdPersonNow: [`(?:${third})${t.intending}${all}`],
    secondPerson: [`(?:${second})${t.any}${all}`],
    expand,
  };
}
