/** Each detection layer on its own: lexicon (negation, reported speech, idioms, Sheng spelling), signals, the LLM rule. */
import { describe, expect, it } from '@jest/globals';
import { detect, raiseWithJudgement } from '../src/detection/combine.js';
import { lexiconLayer } from '../src/detection/lexical.js';
import { loadLexicon } from '../src/detection/lexicon.js';
import { parseJudgement } from '../src/detection/llm.js';
import { maskPii } from '../src/detection/pii.js';
import { evaluate, loadEvalSet } from '../src/detection/evaluate.js';
import { LEARNED_MAX_CHARS, learnedFeatures, learnedLevel, learnedProbability, loadLearnedModel, textFeatures } from '../src/detection/learned.js';

const lexicon = loadLexicon();
/** The rules alone (the learned layer off): what the README's held-out and development figures measured. */
const rulesOnly = { ...lexicon, learned: null };
const level = (text: string) => lexiconLayer(lexicon, text).level;

describe('lexicon layer', () => {
  it('tells a wish from its negation, in Swahili and English', () => {
    expect(level('nataka kujiua')).toBe('HIGH');
    expect(level('sitaki kujiua')).toBe('NONE');
    expect(level('I want to kill myself')).toBe('HIGH');
    expect(level('I would never kill myself')).toBe('NONE');
    expect(lexiconLayer(lexicon, 'I would never kill myself').suppressed[0]).toMatchObject({ suppressed: 'NEGATED' });
    // A negation that is itself the risk is not a negation.
    expect(level("I don't want to live anymore")).toBe('MODERATE');
    expect(level('sina sababu ya kuishi')).toBe('MODERATE');
  });

  it("keeps someone else's words apart from the person's own", () => {
    const reported = lexiconLayer(lexicon, 'My friend said she wants to die and I do not know how to help');
    expect(reported).toMatchObject({ level: 'LOW', thirdParty: true, hits: [] });
    expect(level('Rafiki yangu aliniambia anataka kujiua')).toBe('LOW');
    expect(level('The news said a student killed himself')).toBe('NONE');
    expect(level('Wimbo huu unasema "nataka kufa nawe"')).toBe('NONE');
  });

  it('masks idioms: traffic that kills, work that tires, and life that tires', () => {
    expect(level('this traffic is killing me')).toBe('NONE');
    expect(lexiconLayer(lexicon, 'this traffic is killing me').idioms).toEqual(['is killing me']);
    expect(level('njaa inaniua')).toBe('NONE');
    expect(level('nimechoka na kazi')).toBe('LOW');
    expect(level('nimechoka na maisha')).toBe('MODERATE');
    expect(level('nimechoka na life')).toBe('MODERATE');
  });

  it('reads Sheng and SMS spelling: repeated letters, ku- hyphens, contractions', () => {
    expect(level('nataaaka kujiuwa')).toBe('HIGH');
    expect(level('sometimes nataka ku-end it all')).toBe('HIGH');
    expect(level('i wanna die')).toBe('HIGH');
    expect(level('siezi jimaliza bana')).not.toMatch(/HIGH|IMMINENT/);
  });

  it('makes ideation IMMINENT with a time or means, and preparation IMMINENT on its own', () => {
    expect(lexiconLayer(lexicon, 'nitajiua leo usiku')).toMatchObject({ level: 'IMMINENT', escalatedBy: 'leo' });
    expect(level("I've written my goodbye letters")).toBe('IMMINENT');
    expect(level('Nimenunua sumu ya panya')).toBe('IMMINENT');
    expect(level('I tried to kill myself two years ago')).toBe('MODERATE');
  });
});

describe('Swahili morphology (generated verb forms)', () => {
  it('reads the person and tense off the verb: SMS n-, subjunctive, conditional, we, perfect, past', () => {
    expect(lexiconLayer(lexicon, 'ntajiua leo usiku')).toMatchObject({ level: 'IMMINENT', hits: [expect.objectContaining({ phrase: 'ntajiua', category: 'ideation' })] });
    expect(level('Bora nijiue tu')).toBe('HIGH');
    expect(level('ningejinyonga')).toBe('HIGH');
    expect(level('Tutajiua pamoja')).toBe('HIGH');
    expect(level('Nimeshajikata mara tatu wiki hii')).toBe('HIGH');
    expect(level('Nilijichoma jana usiku')).toBe('HIGH');
    expect(level('Nitajidhuru bana')).toBe('HIGH');
  });

  it('generates the infinitive after any first-person verb of wanting, thinking or deciding', () => {
    expect(level('Nimeamua kujinyonga')).toBe('HIGH');
    expect(level('Natamani kujiondoa duniani')).toBe('HIGH');
    expect(level('Najiskia kujitoa uhai')).toBe('HIGH');
    expect(level('Niko na plan ya kujimaliza')).toBe('HIGH');
    expect(level('Nataka ku-die')).toBe('HIGH');
    expect(level('Nataka kuji-off tu')).toBe('HIGH');
    expect(level('Ntajikill leo usiku')).toBe('IMMINENT');
  });

  it('tells method, attempt and preparation apart by tense, and needs a quantity or a poison', () => {
    expect(level('Nitakunywa sumu')).toBe('HIGH');
    expect(level('Nimekunywa sumu')).toBe('IMMINENT');
    expect(level('Nimemeza vidonge vyote')).toBe('IMMINENT');
    expect(level('Ma-pills zote nitazimeza leo')).toBe('IMMINENT');
    expect(level('Nimekusanya vidonge vya mama')).toBe('IMMINENT');
    expect(level('Nitaruka kutoka ghorofa ya tano')).toBe('HIGH');
    // Taking one's medicine is not an attempt; buying bleach or mosquito spray is not preparation.
    expect(level('Nimekunywa dawa kama daktari alivyosema')).toBe('NONE');
    expect(level('Nimemeza dawa zangu za presha')).toBe('NONE');
    expect(level('Nimenunua dawa ya mbu')).toBe('NONE');
    expect(level('I took my pills this morning')).toBe('NONE');
  });

  it('never generates negative forms, keeps other people apart, and does not take look-alike verbs', () => {
    for (const negative of ['sitajiua', 'sijajikata', 'singejiua', 'sikujidhuru', 'sitajinyonga']) expect(level(negative)).toBe('NONE');
    expect(lexiconLayer(lexicon, 'Atajiua akiendelea hivyo')).toMatchObject({ level: 'LOW', thirdParty: true });
    expect(level('Bro wangu alisema atajinyonga, nimeshtuka')).toBe('LOW');
    expect(level('Nitajikaza hadi mwisho')).toBe('NONE');
    expect(level('Nitajiunga na chuo')).toBe('NONE');
    expect(level('Wewe jiue tu')).toBe('NONE');
  });

  it('masks accidents and idioms of the same verbs', () => {
    expect(level('Nimejikata kidole nikipika')).toBe('NONE');
    expect(level('Mtoto wangu alijikata akicheza')).toBe('NONE');
    expect(level('I cut myself shaving this morning')).toBe('NONE');
    expect(level('Nitakufa na njaa kama mshahara hautakuja')).toBe('NONE');
    expect(level('Kujiua si suluhisho, nataka msaada')).toBe('NONE');
  });
});

describe('vocabulary fallback', () => {
  it('a self-harm word with a first-person marker in its clause is HIGH, explained and sent to review', () => {
    const d = detect(lexicon, { text: 'I think kujiua ndio solution yangu' });
    expect(d.level).toBe('HIGH');
    expect(d.signals).toContainEqual(expect.objectContaining({ code: 'CRISIS_VOCABULARY', detail: expect.stringContaining('kujiua') }));
    expect(d.review).toContain('UNCLEAR_CRISIS_WORD');
    expect(level('Mawazo ya kujiua yananijia kila usiku')).toBe('HIGH');
    expect(level('suicide is the only way out for me')).toBe('HIGH');
  });

  it('a self-harm word alone, or crisis vocabulary with a first-person marker, is MODERATE', () => {
    const alone = detect(lexicon, { text: 'Kujiua ndio njia pekee' });
    // The lexicon's own level (the learned layer may raise this one further, and does).
    expect(alone).toMatchObject({ lexiconLevel: 'MODERATE', review: expect.arrayContaining(['UNCLEAR_CRISIS_WORD']) });
    expect(level('Nimechoka, nataka sumu')).toBe('MODERATE');
    expect(level('Kuna sumu ya panya jikoni, watoto wasiiguse')).toBe('NONE');
    expect(level('Tutapata dawa nyingi hospitali')).toBe('NONE');
  });

  it('respects negation, quotation, past tense, reported speech, news and school work', () => {
    expect(level('I am not suicidal')).toBe('NONE');
    expect(level('Sijawahi kujidhuru maishani mwangu')).toBe('NONE');
    expect(level('siwezi kuvumilia lakini sitaki kujiua')).toBe('NONE');
    expect(level('She wrote "kujiua ndio suluhisho" on the wall')).not.toMatch(/MODERATE|HIGH|IMMINENT/);
    expect(level('Nilifikiria kujiua zamani, sasa niko sawa')).toBe('LOW');
    expect(level('Rafiki yangu ana mawazo ya kujiua')).toBe('LOW');
    expect(level('We learned about suicide prevention in class')).toBe('NONE');
    expect(level('suicide is never the answer')).toBe('NONE');
  });

  it('a negation that is itself the distress does not cancel what follows, a real one still does', () => {
    expect(level("I can't stop thinking about drowning myself")).toBe('HIGH');
    expect(level('Siwezi kuvumilia tena nataka kujiua')).toBe('HIGH');
    expect(level('Sitaki kuishi tena')).toBe('MODERATE');
    expect(level("I'm not going to unalive myself")).toBe('NONE');
  });
});

describe('euphemisms, burden and preparation (C-SSRS)', () => {
  it('farewells, arrangements and means acquisition', () => {
    expect(level('Kwaheri ya mwisho')).toBe('IMMINENT');
    expect(level('Hamtaniona tena')).toBe('IMMINENT');
    expect(level('This is goodbye, thank you for everything')).toBe('IMMINENT');
    expect(level("I've been saving up my sleeping pills")).toBe('IMMINENT');
    expect(level("I won't be here by morning")).toBe('IMMINENT');
    expect(level('Take care of my kids for me')).toBe('HIGH');
    expect(level('Mtunze watoto wangu')).toBe('HIGH');
  });

  it('burden and passive wishes are MODERATE, SMS spelling included', () => {
    expect(level('Mtakuwa sawa bila mimi')).toBe('MODERATE');
    expect(level('Everyone is better off without me')).toBe('MODERATE');
    expect(level("I'm just a burden to my family")).toBe('MODERATE');
    expect(level('Mungu nichukue tu')).toBe('MODERATE');
    expect(level('cnt go on anymore')).toBe('MODERATE');
    expect(level('Sina hope ya kuishi')).toBe('MODERATE');
    expect(level('I have been thinking of unaliving myself')).toBe('HIGH');
    expect(level('sometimes i think abt ending it')).toBe('HIGH');
  });

  it('everyday goodbyes, break-ups and giving things away stay NONE', () => {
    expect(level('Kwaheri, tutaonana kesho')).toBe('NONE');
    expect(level('Goodbye for now, see you next week')).toBe('NONE');
    expect(level('I want to end it with my boyfriend, he keeps lying')).toBe('NONE');
    expect(level("I'm ending it with him tonight")).toBe('NONE');
    expect(level('I gave away my old clothes to the church')).toBe('NONE');
    expect(level('Nimenunua kamba ya kuanika nguo')).toBe('NONE');
  });
});

describe('signals and combination', () => {
  it('explains itself and keeps the score inside the level band', () => {
    const d = detect(lexicon, { text: 'Nataka kujiua' });
    expect(d.level).toBe('HIGH');
    expect(d.score).toBeGreaterThanOrEqual(0.6);
    expect(d.score).toBeLessThan(0.8);
    expect(d.signals[0]).toMatchObject({ code: 'CSSRS_IDEATION', detail: expect.stringContaining('nataka kujiua') });
  });

  it('lets voice, deviation, dissonance and a rising trend raise one level and send it to review, never to IMMINENT', () => {
    const now = new Date();
    const history = [0.45, 0.3, 0.2].map((score, i) => ({ score, level: 'LOW' as const, createdAt: new Date(now.getTime() - (i + 1) * 3_600_000) }));
    const calm = detect(lexicon, { text: 'niko sawa' }, [], now);
    expect(calm.level).toBe('NONE');
    const masked = detect(lexicon, { text: 'niko sawa', emotion: 'SAD', emotionConfidence: 0.9, dissonance: 0.9, baselineDeviation: 2.5 }, history, now);
    expect(masked.level).toBe('LOW');
    expect(masked.review).toContain('SIGNALS_DISAGREE');
    expect(masked.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['VOICE_NEGATIVE_EMOTION', 'VOICE_WORDS_DISSONANCE', 'BASELINE_DEVIATION', 'ESCALATING_TREND']));
    const passive = detect(lexicon, { text: 'bora nife tu', emotion: 'SAD', emotionConfidence: 1, baselineDeviation: 3 }, history, now);
    expect(passive.level).toBe('HIGH');
    const high = detect(lexicon, { text: 'nataka kujiua', emotion: 'SAD', emotionConfidence: 1, baselineDeviation: 3, dissonance: 1 }, history, now);
    expect(high.level).toBe('HIGH');
  });

  it('an LLM judgement may raise a level, never lower it', () => {
    const moderate = detect(lexicon, { text: 'bora nife tu' });
    expect(raiseWithJudgement(moderate, 'NONE', 'fine').level).toBe('MODERATE');
    const raised = raiseWithJudgement(moderate, 'HIGH', 'passive ideation with hopelessness');
    expect(raised.level).toBe('HIGH');
    expect(raised.review).toContain('LLM_DISAGREES');
    expect(parseJudgement('{"level":"imminent","categories":["plan"],"rationale":"x"}')).toMatchObject({ level: 'IMMINENT' });
    expect(parseJudgement('not json')).toBeNull();
    expect(parseJudgement('{"level":"VERY BAD"}')).toBeNull();
  });

  it('masks phone numbers, e-mails and names before anything leaves', () => {
    const masked = maskPii('My name is Wanjiku Kamau, call 0712 345 678 or +256 772 123456, mail wk@example.com. Jina langu ni Baraka');
    expect(masked).not.toMatch(/Wanjiku|Kamau|0712|772|wk@|Baraka/);
    expect(masked).toContain('[NAME]');
    expect(masked).toContain('[PHONE]');
    expect(masked).toContain('[EMAIL]');
  });
});

describe('the review queue as a safety net', () => {
  it('puts every MODERATE assessment before a human, and nothing calm', () => {
    expect(detect(lexicon, { text: 'I tried to kill myself two years ago' })).toMatchObject({ level: 'MODERATE', review: expect.arrayContaining(['MODERATE_RISK']) });
    expect(detect(lexicon, { text: 'Nimechoka na kazi leo' }).review).not.toContain('MODERATE_RISK');
  });
});

describe('eval set', () => {
  it('has at least 300 labelled messages in every language, with a held-out test split', () => {
    const items = loadEvalSet();
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'sw', 'sheng', 'mixed']) expect(items.filter((i) => i.lang === lang).length).toBeGreaterThan(20);
    expect(items.filter((i) => i.split === 'test').length).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('does not regress below the figures in the README (the detector as shipped; dev: every alert caught; held-out: as measured)', () => {
    const items = loadEvalSet();
    const on = (split: string, detector = lexicon) => evaluate(detector, items.filter((i) => i.split === split));
    // dev was written against the rules: the rules alone catch every alert within 5 % false alarms,
    // and the learned layer raises a few of its hard negatives (4.3 %, in the README).
    const devRules = on('dev', { ...lexicon, learned: null });
    expect(devRules.alert.recall).toBe(1);
    expect(devRules.hardNegatives.falseAlarmRate).toBeLessThanOrEqual(0.05);
    const dev = on('dev');
    expect(dev.alert.recall).toBe(1);
    expect(dev.hardNegatives.falseAlarmRate).toBeLessThanOrEqual(0.05);
    // Held out: thresholds only, so a failure says a change made things worse without showing which messages.
    const floors = [
      ['test', 0.958, 0.033],
      ['test4', 0.95, 0.041],
      ['test5', 0.925, 0.042],
      ['test6', 0.9125, 0.042],
      ['test7', 0.9375, 0.021],
      ['test8', 0.9125, 0.021],
      ['test9', 0.8625, 0.021],
      ['test10', 0.875, 0.042],
      ['test11', 0.875, 0.063],
      ['test12', 0.9, 0.021],
    ] as const;
    let imminentFound = 0;
    let imminent = 0;
    for (const [split, recall, falseAlarms] of floors) {
      const held = on(split);
      expect(held.alert.recall).toBeGreaterThanOrEqual(recall);
      expect(held.alert.precision).toBeGreaterThanOrEqual(0.85);
      expect(held.hardNegatives.falseAlarmRate).toBeLessThanOrEqual(falseAlarms);
      if (split !== 'test') {
        imminentFound += Math.round(held.perLevel.IMMINENT.recall * held.perLevel.IMMINENT.support);
        imminent += held.perLevel.IMMINENT.support;
      }
    }
    // The IMMINENT stage: 323 of the 358 IMMINENT messages of test4 … test12 are called IMMINENT.
    expect(imminentFound / imminent).toBeGreaterThanOrEqual(0.9);
  });
});

describe('crises said without crisis words (compound cues) and other categories from round 3', () => {
  // Phrasings written for this test, not copied from any evaluation set.
  it('a farewell with a finality, letters, means at hand or a place of danger is IMMINENT', () => {
    expect(level('Love you all. Please tell my dad it was not his fault, by the time he reads this I will be gone')).toBe('IMMINENT');
    expect(level('I left notes for my parents on the table. Everything is ready now.')).toBe('IMMINENT');
    expect(level('the rope is ready. thank you for everything you did for me')).toBe('IMMINENT');
    expect(level('niko kwa daraja ya Mombasa road saa hii, nimeamua kuruka')).toBe('IMMINENT');
    expect(lexiconLayer(lexicon, 'the blade is in my hand. thank you for everything you did for me').hits.map((h) => h.source)).toContain('compound');
  });
  it('possessions given away with "I will not need them" are preparation, unless there is an everyday reason', () => {
    expect(level('Nimewapa marafiki viatu vyangu vyote, sitavihitaji tena kesho')).toBe('IMMINENT');
    expect(level('I gave my books to my cousin, I will not need them after tonight')).toBe('IMMINENT');
    expect(level('I gave my old laptop to my cousin since I bought a new one, I will not need it anymore')).toBe('NONE');
    expect(level('Goodbye everyone, off to Kisumu for the holidays, see you next month')).toBe('NONE');
  });
  it('attempts in progress, method research and thinking about ways', () => {
    expect(level('took around 15 of my grandmas heart tablets an hour ago')).toBe('IMMINENT');
    expect(level('drank half a bottle of jik and it burns')).toBe('IMMINENT');
    expect(level('how many of my sleeping tablets would it take to not wake up')).toBe('HIGH');
    expect(level('I keep thinking about ways to end my life')).toBe('HIGH');
    expect(level('death is starting to look like the only way out')).toBe('HIGH');
  });
  it('harm to others, and with a time or a hidden weapon IMMINENT', () => {
    expect(level('Nitamchoma kisu yule mwizi akirudi')).toBe('HIGH');
    expect(level('I will kill that guy for what he did')).toBe('HIGH');
    expect(level('nitamuua usiku wa leo')).toBe('IMMINENT');
    expect(level('I am going to kill this exam tomorrow')).toBe('NONE');
  });
  it('a wish to be dead with thinking about how, or with nobody caring, is HIGH; alone it stays MODERATE', () => {
    expect(level('Bora nife tu')).toBe('MODERATE');
    expect(level('Bora nife tu, hakuna anayenijali')).toBe('HIGH');
    expect(level('I do not want to be alive anymore and I keep thinking about how to make it stop')).toBe('HIGH');
    expect(level('Nobody would miss me if I was gone')).toBe('MODERATE');
    expect(level('natamani nilale nisiamke')).toBe('MODERATE');
  });
  it('self-harm again is HIGH; cutting vegetables again is not', () => {
    expect(level('I feel like cutting again')).toBe('HIGH');
    expect(level('I am cutting again the onions for the stew, the knife is ready')).toBe('NONE');
  });
  it('professionals asking how to help, lyrics in single quotes and recovered attempts stay calm', () => {
    expect(level('As a school counsellor, how do I ask a student whether they are thinking about suicide?')).toBe('NONE');
    expect(level('Mimi ni mwalimu. Nifanye nini nikiona mwanafunzi anataka kujiua?')).toBe('NONE');
    expect(level('As a nurse I am exhausted and I want to die')).toBe('HIGH');
    expect(level("that song 'I'd rather die than lose you' is stuck in my head")).toBe('NONE');
    expect(level('I attempted suicide at 17. I am 30 now and I volunteer with a support group')).toBe('NONE');
    expect(level('Mechi ya jana nilikaribia kufa kwa presha')).toBe('NONE');
    expect(level('Nakupenda kufa kuoza')).toBe('NONE');
  });
});

describe('concept classes (compound.json `classes`): round 4', () => {
  it('an ACT of ingesting × a poison or household chemical is an attempt; first-aid questions, accidents and history are not', () => {
    expect(level('I just drank half a bottle of paraquat')).toBe('IMMINENT');
    expect(level('nimekunywa dawa ya mende yote')).toBe('IMMINENT');
    expect(level('Jik nimeikunywa yote, kwaherini')).toBe('IMMINENT');
    expect(level('What should I do, my son drank some jik by mistake?')).not.toMatch(/HIGH|IMMINENT/);
    expect(level('I accidentally drank some kerosene thinking it was water')).not.toMatch(/HIGH|IMMINENT/);
    expect(level('Miaka mitano iliyopita nilikunywa sumu, sasa nimepona')).not.toMatch(/HIGH|IMMINENT/);
  });
  it('pills × a quantity or after-effects is an attempt; medicine taken as prescribed is not', () => {
    expect(level('took like 25 panadol, my vision is getting blurry')).toBe('IMMINENT');
    expect(level('nimemeza tembe zote za mama, kizunguzungu kimeanza')).toBe('IMMINENT');
    expect(level('I took my ARVs on time today')).toBe('NONE');
    expect(level('nimekunywa dawa zangu zote za asubuhi na chai')).toBe('NONE');
  });
  it('a deep cut that will not stop bleeding is an attempt; a kitchen cut is a first-aid question', () => {
    expect(level('cut my wrists deep and the bleeding will not stop')).toBe('IMMINENT');
    expect(level('I cut my thumb deep slicing tomatoes and it is bleeding a lot of blood, how do I stop it?')).not.toMatch(/HIGH|IMMINENT/);
  });
  it('means in place or at hand with a farewell, a time or a refusal of help; everyday purposes stay calm', () => {
    expect(level('the rope is tied to the rafter already')).toMatch(/HIGH|IMMINENT/);
    expect(level('bunduki iko chini ya godoro, leo usiku wakishalala')).toBe('IMMINENT');
    expect(level('The rope is up for the swing in the garden')).toBe('NONE');
    expect(level('Nimenunua dawa ya panya, panya wamejaa stoo')).toBe('NONE');
  });
  it('a place of danger with a vehicle awaited, a farewell or a bare decision; commuters stay calm', () => {
    expect(level('Niko kwenye reli ya Makadara nasubiri treni ipite')).toBe('IMMINENT');
    expect(level('standing on the overpass, just waiting for a big truck')).toBe('IMMINENT');
    expect(level('niko kwa footbridge ya Pangani, nakuja sasa hivi')).toBe('NONE');
    expect(level('waiting for the train at the railway station to go to work')).toBe('NONE');
  });
  it('affairs settled, dependants entrusted, letters left, with a farewell or a finality; everyday errands stay calm', () => {
    expect(level('I left my bank details with my sister. Please look after my kids. It will all be over soon.')).toBe('IMMINENT');
    expect(level('nimeandikia mama barua, iko kwa meza. Mtunzeni')).toMatch(/HIGH|IMMINENT/);
    expect(level('Safari yangu imeisha hapa. Asanteni kwa kila kitu')).toBe('IMMINENT');
    expect(level('Left the house keys with my neighbour, see you next week after the trip')).toBe('NONE');
    expect(level('Safari yangu ya Mombasa imefika mwisho, narudi Nairobi kesho')).not.toMatch(/HIGH|IMMINENT/);
  });
  it('a wish to be dead made serious or acted on, ending suffering, stopping life-saving medicine on purpose', () => {
    expect(level('Everyone would be happier without me and I will make it happen')).toBe('HIGH');
    expect(level('I want to end my suffering once and for all')).toBe('HIGH');
    expect(level('Nimeacha kutumia insulin makusudi, acha sukari inimalize')).toBe('HIGH');
    expect(level('I stopped my ARVs for a week because of side effects, the doctor switched me')).toBe('NONE');
    expect(level('this dentist finally put an end to my suffering, toothache gone')).not.toMatch(/HIGH|IMMINENT/);
  });
  it('thinking about a lethal act is HIGH; leisure is not', () => {
    expect(level('I keep thinking about jumping in front of the SGR train')).toMatch(/HIGH|IMMINENT/);
    expect(level('nafikiria kujitupa kwenye bwawa la Masinga')).toMatch(/HIGH|IMMINENT/);
    expect(level('we were jumping off the rocks into the lake for fun')).toBe('NONE');
  });
  it('harm to others through poison or fire; games stay below an alert', () => {
    expect(level('I swear I will pour poison into her tea if she comes back')).toMatch(/HIGH|IMMINENT/);
    expect(level('nitamwekea sumu kwa chakula yake')).toMatch(/HIGH|IMMINENT/);
    expect(level('in the game I poison his drink to finish the level')).not.toMatch(/HIGH|IMMINENT/);
  });
});

describe('learned layer: a text model behind the rules that only raises', () => {
  const model = lexicon.learned!;

  it('ships with the lexicon: small, pruned, thresholds in order', () => {
    expect(model).not.toBeNull();
    expect(loadLearnedModel()).toMatchObject({ l2: model.l2, thresholds: model.thresholds, bias: model.bias });
    expect(model.weights.size).toBeGreaterThan(100);
    expect(model.weights.size).toBeLessThanOrEqual(2500);
    expect(model.thresholds.moderate).toBeGreaterThan(0);
    expect(model.thresholds.moderate).toBeLessThanOrEqual(model.thresholds.high);
    expect(model.thresholds.high).toBeLessThan(1);
    expect(loadLearnedModel('/nonexistent/crisis-lr.json')).toBeNull();
  });

  it('reads words, bigrams and character n-grams of the normalised text', () => {
    const f = textFeatures('Nataka KUJIUA', lexicon.folds);
    expect(f).toEqual(expect.arrayContaining(['w:nataka', 'w:kujiua', 'b:nataka kujiua', 'c: na', 'c:jiua ']));
    expect(new Set(f).size).toBe(f.length);
  });

  it('raises crises said in words the rules do not know, and says so', () => {
    // Our own phrasings (not from any evaluation set): letters and a farewell, a poison at hand, a place and no return.
    for (const text of ['I have written the letters and put them under my pillow, tonight I sleep for good', 'The bottle of the cattle dip is next to me. Tell mum sorry', 'I am going to the river tonight and I will not come back']) {
      expect(detect(rulesOnly, { text }).level).toBe('NONE');
      const d = detect(lexicon, { text });
      // HIGH from the first stage; the second may then say IMMINENT (tonight, letters written, no return).
      expect(['HIGH', 'IMMINENT']).toContain(d.level);
      expect(d.lexiconLevel).toBe('NONE');
      expect(d.review).toContain('LEARNED_MODEL');
      expect(d.signals.find((s) => s.code === 'LEARNED_MODEL')).toMatchObject({ weight: expect.any(Number), detail: expect.stringContaining('NONE → HIGH') });
    }
  });

  it('never lowers the rules, and leaves everyday messages alone', () => {
    const texts = [
      'Nataka kujiua', 'I tried to kill myself two years ago', 'bora nife tu', 'Sitaki kuendelea kuishi hivi, nimenunua kamba',
      'niko sawa', 'Nimechoka na kazi leo', 'See you tomorrow at church', 'I took my BP pills as prescribed this morning', 'I cut onions and my finger bled a lot', 'niko na stress za pesa but nitasurvive',
    ];
    const rank = (l: string) => ['NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT'].indexOf(l);
    for (const text of texts) {
      const before = detect(rulesOnly, { text });
      const after = detect(lexicon, { text });
      expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
      const p = after.signals.find((s) => s.code === 'LEARNED_MODEL')!;
      expect(p.weight).toBeGreaterThanOrEqual(0);
      expect(p.weight).toBeLessThanOrEqual(1);
      if (after.level === before.level) expect(after.review).not.toContain('LEARNED_MODEL');
    }
    // Everyday messages keep the rules' level, with one known exception: round 10 sends "I took my BP
    // pills as prescribed this morning" to the review queue (p 0.344, MODERATE at 0.331; the README's
    // model card), never to an alert, and says it was the model.
    const prescribed = detect(lexicon, { text: texts[7]! });
    expect(prescribed).toMatchObject({ level: 'MODERATE', review: expect.arrayContaining(['LEARNED_MODEL']) });
    for (const text of texts.slice(4).filter((t) => t !== texts[7])) expect(detect(lexicon, { text }).level).toBe(detect(rulesOnly, { text }).level);
    // The layer asks for HIGH at its HIGH threshold, MODERATE at its MODERATE one, nothing below.
    expect(learnedLevel(model, model.thresholds.high)).toBe('HIGH');
    expect(learnedLevel(model, model.thresholds.moderate)).toBe(model.thresholds.moderate < model.thresholds.high ? 'MODERATE' : 'HIGH');
    expect(learnedLevel(model, model.thresholds.moderate / 2)).toBeNull();
  });

  it('has a second stage that turns HIGH into IMMINENT (time, means, an act done, a goodbye), and touches nothing else', () => {
    expect(model.imminent).toMatchObject({ threshold: expect.any(Number) });
    expect(model.imminent!.threshold).toBeGreaterThan(0);
    expect(model.imminent!.threshold).toBeLessThan(1);
    // The shipped stage on our own phrasing: letters written and "tonight" make it imminent.
    const letters = detect(lexicon, { text: 'I have written the letters and put them under my pillow, tonight I sleep for good' });
    expect(letters.level).toBe('IMMINENT');
    expect(letters.signals.find((s) => s.code === 'LEARNED_IMMINENT')).toMatchObject({ detail: expect.stringContaining('HIGH → IMMINENT') });
    // Ideation with no time or means stays HIGH.
    expect(detect(lexicon, { text: 'I want to kill myself and I have been thinking about it for months' }).level).toBe('HIGH');
    // Wiring, with a stage that is sure of one made-up word: it raises HIGH only, never MODERATE or below.
    const sure = { ...lexicon, learned: { ...model, imminent: { threshold: 0.5, bias: -5, weights: new Map([['w:zzq', 200]]) } } };
    expect(detect(sure, { text: 'Nataka kujiua zzq' })).toMatchObject({ lexiconLevel: 'HIGH', level: 'IMMINENT', review: expect.arrayContaining(['LEARNED_MODEL']) });
    expect(detect(sure, { text: 'Nataka kujiua' }).level).toBe('HIGH');
    expect(detect(sure, { text: 'niko sawa zzq' }).level).toBe(detect(rulesOnly, { text: 'niko sawa zzq' }).level);
    // The file on disk carries the stage.
    expect(loadLearnedModel()!.imminent).not.toBeNull();
  });

  it('costs well under 1 ms a message, even a very long one', () => {
    const texts = ['Nataka kujiua leo usiku', 'I am going to the river tonight and I will not come back', 'niko sawa, tutaonana kesho', 'mbogi mkae poa, nimeamua'];
    for (const t of texts) learnedProbability(model, learnedFeatures(t, lexicon.folds));
    let started = performance.now();
    for (let i = 0; i < 2000; i++) learnedProbability(model, learnedFeatures(texts[i % texts.length]!, lexicon.folds));
    expect((performance.now() - started) / 2000).toBeLessThan(1);
    const long = 'nimechoka sana na maisha haya '.repeat(700);
    expect(long.length).toBeGreaterThan(LEARNED_MAX_CHARS);
    started = performance.now();
    for (let i = 0; i < 20; i++) learnedProbability(model, learnedFeatures(long, lexicon.folds));
    expect((performance.now() - started) / 20).toBeLessThan(2);
  });
});
