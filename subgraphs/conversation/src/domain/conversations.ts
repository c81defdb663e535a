import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { AuditAction, appendAudit, auditEntry } from '@resona/audit';
import { anonymousPrincipal, type Principal } from '@resona/auth';
import { isUuid, type DataKeyVault } from '@resona/db';
import { ErrorCode, badUserInput, notFound } from '@resona/errors';
import { InternalCallError } from '@resona/subgraph';
import { ConversationEntity, MessageEntity, ModerationDecisionEntity, type Conversation, type Message } from '../entities.js';
import { COUNTRIES, type Country } from './crisis-resources.js';
import { ReplyEngine } from './engine.js';
import { detectLanguage, type ReplyLanguage } from './language.js';
import { crisisScreen, type ConsentType, type Peers, type UtteranceAnalysis } from './peers.js';
import { isCrisisLevel, type RiskLevel } from './responder.js';
import { emptySummary, updateSummary, type ConversationSummary } from './summary.js';
import { analyseText } from './text-emotion.js';
import { MAX_AUDIO_BASE64_CHARS, MAX_AUDIO_BYTES, voiceMessageEmotion, voiceNote } from './voice.js';

/** Longest message a person can send, in characters. */
export const MAX_MESSAGE_LENGTH = 4000;
/** Longest client message id, in characters. */
export const MAX_CLIENT_MESSAGE_ID_LENGTH = 100;
/** Most messages in one offline batch. */
export const MAX_SYNC_BATCH = 50;
/** How long a replay waits for the first request's reply before completing the turn itself. Default 10 s. */
export const REPLAY_WAIT_MS = 10_000;
/** Turns of history given to the model. */
export const HISTORY_TURNS = 6;

/** Codes of the parts of a turn that failed (stored on the person's message, logged; never text). */
export const TurnError = {
  PRIVACY_UNAVAILABLE: 'PRIVACY_UNAVAILABLE',
  EMOTION_UNAVAILABLE: 'EMOTION_UNAVAILABLE',
  RISK_UNAVAILABLE: 'RISK_UNAVAILABLE',
} as const;

export interface SentMessage {
  userMessage: Message;
  reply: Message;
}

export interface SendInput {
  conversationId: string;
  /** The person's words (typed, or the device's transcript of `audio`); may be absent with audio. */
  text?: string | null;
  /** A voice message (WAV, base64). */
  audio?: { base64: string; mimeType: string } | null;
  clientMessageId: string;
  country?: Country | null;
}

/** What a voice turn learned before its message was stored. */
interface Heard {
  consent: Set<ConsentType>;
  errors: string[];
  /** Emotion's analysis; null when the voice was not heard (no consent, or emotion down). */
  analysis: UtteranceAnalysis | null;
  /** VOICE_PROCESSING was granted (or privacy could not say). */
  consented: boolean;
}

export interface TurnDeps {
  peers?: Peers | null;
  engine?: ReplyEngine;
  logger?: Logger;
  requestId?: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Conversations and messages of one person, and the turn. Knows nothing of GraphQL. */
export class Conversations {
  private readonly engine: ReplyEngine;

  /** @param actor who acts, for the audit log; default Resona itself (seeding). */
  constructor(
    private readonly em: EntityManager,
    private readonly vault: DataKeyVault,
    private readonly actor: Principal = anonymousPrincipal({ kind: 'service' }),
    private readonly deps: TurnDeps = {},
  ) {
    this.engine = deps.engine ?? new ReplyEngine();
  }

  /** The audit record of a change, in the change's transaction. Never the message text. */
  private audit(tx: EntityManager, action: string, userId: string, resourceType: string, resourceId: string, detail?: Record<string, unknown>) {
    return appendAudit(tx, [auditEntry(this.actor, { action, subjectUserId: userId, resourceType, resourceId, detail })]);
  }

  async start(userId: string): Promise<Conversation> {
    return this.em.fork().transactional(async (tx) => {
      const conversation = tx.create(ConversationEntity, { id: randomUUID(), userId, title: null, country: null, summaryCiphertext: null, createdAt: new Date() });
      await tx.flush();
      await this.audit(tx, AuditAction.CONVERSATION_STARTED, userId, 'Conversation', conversation.id);
      return conversation;
    });
  }

  /** The person's conversation, or `NOT_FOUND` (also when it is someone else's: existence is not revealed). */
  async owned(userId: string, conversationId: string): Promise<Conversation> {
    if (!isUuid(conversationId)) throw badUserInput('conversationId is not a valid id.', 'conversationId');
    const conversation = await this.em.fork().findOne(ConversationEntity, { id: conversationId });
    if (!conversation || conversation.userId !== userId) throw notFound('Conversation not found.');
    return conversation;
  }

  private validate(text: string, clientMessageId: string, field = '', withAudio = false) {
    if ((!withAudio && !text.trim()) || [...text].length > MAX_MESSAGE_LENGTH) {
      throw badUserInput(withAudio ? `text must be at most ${MAX_MESSAGE_LENGTH} characters.` : `text must be 1 to ${MAX_MESSAGE_LENGTH} characters (or send audio).`, `${field}text`);
    }
    if (!clientMessageId.trim() || clientMessageId.length > MAX_CLIENT_MESSAGE_ID_LENGTH) {
      throw badUserInput(`clientMessageId must be 1 to ${MAX_CLIENT_MESSAGE_ID_LENGTH} characters.`, `${field}clientMessageId`);
    }
  }

  /**
   * One turn: the person's message is stored first (encrypted, audited), so it is never lost (a
   * voice message is heard by emotion just before, so bad audio is refused with nothing written);
   * then consent, emotion and risk (each may fail: the turn degrades and records why), the reply
   * (LLM or local), moderation, and the reply stored encrypted. Sending the same `clientMessageId`
   * again (an offline replay) returns the first pair and changes nothing.
   */
  async send(userId: string, input: SendInput, options: { recordedAt?: Date } = {}): Promise<SentMessage> {
    const typed = input.text ?? '';
    this.validate(typed, input.clientMessageId, '', Boolean(input.audio));
    if (input.audio) validateAudio(input.audio);
    if (input.country && !COUNTRIES.includes(input.country)) throw badUserInput('country must be KE, UG or TZ.', 'country');
    const conversation = await this.owned(userId, input.conversationId);
    const existing = await this.findUserMessage(userId, input.clientMessageId);
    if (existing) return this.awaitReply(conversation, existing, typed, input.country ?? null);

    const now = options.recordedAt?.getTime() ?? Date.now();
    const userMessageId = randomUUID();
    // A voice message is heard before anything is stored: bad audio is refused with nothing
    // written, and what is stored is its transcript (the device's, or speech to text's).
    const heard = input.audio ? await this.hear(userId, userMessageId, input.audio, typed) : undefined;
    const text = heard?.analysis?.transcript?.trim() || typed.trim();
    const language = text ? detectLanguage(text) : await this.lastLanguage(conversation);
    // Encrypt first: creating the person's data key is its own (idempotent) statement.
    const ciphertext = await this.vault.encrypt(userId, text, userMessageId);
    let userMessage: Message;
    try {
      userMessage = await this.em.fork().transactional(async (tx) => {
        const message = tx.create(MessageEntity, {
          id: userMessageId,
          conversationId: conversation.id,
          userId,
          role: 'USER',
          textCiphertext: ciphertext,
          clientMessageId: input.clientMessageId,
          replyToId: null,
          language,
          emotionReadingId: null,
          riskAssessmentId: null,
          riskLevel: null,
          turnErrors: [],
          source: null,
          voice: Boolean(input.audio),
          createdAt: new Date(now),
        });
        await tx.flush();
        await this.audit(tx, AuditAction.MESSAGE_SENT, userId, 'Message', userMessageId, { conversationId: conversation.id });
        return message;
      });
    } catch (error) {
      // A concurrent replay of the same clientMessageId won the race: answer with its pair.
      if (error instanceof UniqueConstraintViolationException) {
        const stored = await this.findUserMessage(userId, input.clientMessageId);
        if (stored) return this.awaitReply(conversation, stored, text, input.country ?? null);
      }
      throw error;
    }
    return this.completeTurn(conversation, userMessage, text, input.country ?? null, heard);
  }

  /** The person's consent types; without privacy's word, none (safe by default) and the turn records why. */
  private async consentOf(userId: string, errors: string[]): Promise<Set<ConsentType>> {
    const { peers, logger, requestId = null } = this.deps;
    if (!peers) return new Set();
    try {
      return await peers.consentTypes(userId, requestId);
    } catch (error) {
      errors.push(TurnError.PRIVACY_UNAVAILABLE);
      logger?.warn({ err: (error as Error).message }, 'consent unavailable: local responder, no emotion recording');
      return new Set();
    }
  }

  /** A voice message, before it is stored: consent, then emotion hears it (see {@link read}). */
  private async hear(userId: string, messageId: string, audio: { base64: string; mimeType: string }, typed: string): Promise<Heard> {
    const errors: string[] = [];
    const consent = await this.consentOf(userId, errors);
    const consented = consent.has('VOICE_PROCESSING') || errors.includes(TurnError.PRIVACY_UNAVAILABLE);
    const analysis = await this.read(userId, messageId, typed, consent, errors, audio);
    return { consent, errors, analysis, consented };
  }

  /**
   * Emotion reads a message: a voice message's audio and words (before it is stored), or a text
   * message's words. Its BAD_USER_INPUT (bad audio) is the sender's to fix and is passed on;
   * emotion being down only degrades the turn. Without EMOTION_ANALYSIS nothing is read, and
   * without VOICE_PROCESSING the audio is never sent on.
   */
  private async read(userId: string, messageId: string, words: string, consent: Set<ConsentType>, errors: string[], audio: { base64: string; mimeType: string } | null): Promise<UtteranceAnalysis | null> {
    const { peers, logger, requestId = null } = this.deps;
    const transcript = words.trim() || null;
    const heardAudio = audio && consent.has('VOICE_PROCESSING') ? audio : null;
    // Audio alone is still sent with VOICE_PROCESSING: speech to text may find its words.
    if (!peers || !(heardAudio || (consent.has('EMOTION_ANALYSIS') && transcript))) return null;
    try {
      return await peers.analyzeUtterance({ userId, messageId, audio: heardAudio, transcript, consents: [...consent] }, requestId);
    } catch (error) {
      const peerError = error instanceof InternalCallError ? error.peerError : undefined;
      if (heardAudio && peerError?.extensions?.code === ErrorCode.BAD_USER_INPUT) {
        throw badUserInput(peerError.message, 'audio', { reason: peerError.extensions.reason });
      }
      errors.push(TurnError.EMOTION_UNAVAILABLE);
      logger?.warn({ err: (error as Error).message, messageId }, 'emotion did not read the message: the turn goes on without a reading');
      return null;
    }
  }

  /** The language of the person's last message here (for a voice message without words); EN when none. */
  private async lastLanguage(conversation: Conversation): Promise<ReplyLanguage> {
    const last = await this.em.fork().findOne(MessageEntity, { conversationId: conversation.id, role: 'USER', language: { $ne: null } }, { orderBy: { createdAt: 'desc' } });
    return (last?.language as ReplyLanguage | null) ?? 'EN';
  }

  /**
   * Offline sync: messages recorded without a connection, replayed in the order they were recorded
   * (then as listed). Each is one idempotent turn keyed by its clientMessageId; the whole batch is
   * validated before anything is stored.
   */
  async sync(userId: string, input: { conversationId: string; country?: Country | null; messages: { clientMessageId: string; text: string; recordedAt: Date }[] }): Promise<SentMessage[]> {
    if (!input.messages.length || input.messages.length > MAX_SYNC_BATCH) throw badUserInput(`messages must hold 1 to ${MAX_SYNC_BATCH} messages.`, 'messages');
    const ids = new Set<string>();
    input.messages.forEach((m, i) => {
      this.validate(m.text, m.clientMessageId, `messages[${i}].`);
      if (!(m.recordedAt instanceof Date) || Number.isNaN(m.recordedAt.getTime()) || m.recordedAt.getTime() > Date.now() + 5 * 60_000) {
        throw badUserInput('recordedAt must be a time that is not in the future.', `messages[${i}].recordedAt`);
      }
      if (ids.has(m.clientMessageId)) throw badUserInput('clientMessageId appears twice in the batch.', `messages[${i}].clientMessageId`);
      ids.add(m.clientMessageId);
    });
    await this.owned(userId, input.conversationId);
    const ordered = input.messages.map((m, i) => ({ m, i })).sort((a, b) => a.m.recordedAt.getTime() - b.m.recordedAt.getTime() || a.i - b.i);
    const results: SentMessage[] = [];
    for (const { m } of ordered) {
      results.push(await this.send(userId, { conversationId: input.conversationId, text: m.text, clientMessageId: m.clientMessageId, country: input.country ?? null }, { recordedAt: m.recordedAt }));
    }
    return results;
  }

  /** A replayed message: its reply, waiting for a concurrent first request; if that died mid-turn, the turn is completed here. */
  private async awaitReply(conversation: Conversation, userMessage: Message, text: string, country: Country | null): Promise<SentMessage> {
    const deadline = Date.now() + REPLAY_WAIT_MS;
    for (let delay = 20; Date.now() < deadline; delay = Math.min(delay * 2, 500)) {
      const reply = await this.em.fork().findOne(MessageEntity, { replyToId: userMessage.id });
      if (reply) return { userMessage: (await this.em.fork().findOneOrFail(MessageEntity, { id: userMessage.id })), reply };
      if (Date.now() - userMessage.createdAt.getTime() > REPLAY_WAIT_MS && !(await this.em.fork().findOne(MessageEntity, { replyToId: userMessage.id }))) break;
      await sleep(delay);
    }
    const stored = await this.vault.decrypt(userMessage.userId, userMessage.textCiphertext, userMessage.id).catch(() => text);
    return this.completeTurn(conversation, userMessage, stored, country);
  }

  private async loadSummary(conversation: Conversation): Promise<ConversationSummary> {
    if (!conversation.summaryCiphertext) return emptySummary();
    try {
      return JSON.parse(await this.vault.decrypt(conversation.userId, conversation.summaryCiphertext, `summary:${conversation.id}`)) as ConversationSummary;
    } catch {
      return emptySummary();
    }
  }

  private async history(conversation: Conversation, before: string): Promise<{ role: 'user' | 'assistant'; text: string }[]> {
    const rows = await this.em.fork().find(MessageEntity, { conversationId: conversation.id, id: { $ne: before } }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: HISTORY_TURNS });
    const out = await Promise.all(rows.reverse().map(async (m) => ({ role: m.role === 'USER' ? ('user' as const) : ('assistant' as const), text: await this.vault.decrypt(m.userId, m.textCiphertext, m.id) })));
    return out;
  }

  /** `heard`: a voice message's consent and analysis, already taken before it was stored. */
  private async completeTurn(conversation: Conversation, userMessage: Message, text: string, country: Country | null, heard?: Heard): Promise<SentMessage> {
    const { peers, logger, requestId = null } = this.deps;
    const userId = userMessage.userId;
    const errors: string[] = [...(heard?.errors ?? [])];
    const language: ReplyLanguage = (userMessage.language as ReplyLanguage | null) ?? detectLanguage(text);
    const personCountry = country ?? (conversation.country as Country | null);

    // 1. Consent. Without privacy's word: no external AI, no emotion recording (safe by default).
    const consent = heard?.consent ?? (await this.consentOf(userId, errors));
    const externalAiConsent = consent.has('EXTERNAL_AI');

    // 2. Emotion's reading (a voice message's was made when it was heard), then risk with it: the
    // reading's emotion, its deviation from the person's baseline and the voice/words dissonance.
    const analysis = heard ? heard.analysis : await this.read(userId, userMessage.id, text, consent, errors, null);
    const reading = analysis?.reading ?? null;
    const emotionReadingId = reading?.id ?? null;
    // The finer feeling the reply answers (conversation's own cultural lexicon; the voice's when the words say nothing).
    const emotion = userMessage.voice ? voiceMessageEmotion(text, analysis) : analyseText(text);
    const risk = peers
      ? await peers
          .assessRisk(
              {
                userId,
                messageId: userMessage.id,
                text,
                language,
                emotion: reading?.emotion ?? emotion.emotion,
                emotionConfidence: reading?.confidence ?? emotion.confidence,
                baselineDeviation: analysis?.deviation ?? null,
                dissonance: analysis?.dissonance ?? null,
                externalAiConsent,
              },
              requestId,
            )
          .catch((error: Error) => {
            errors.push(TurnError.RISK_UNAVAILABLE);
            logger?.warn({ err: error.message, messageId: userMessage.id }, 'risk not assessed: local crisis screen');
            return null;
          })
      : null;
    const screened = !risk && crisisScreen(text);
    const riskLevel: RiskLevel | null = risk?.level ?? (screened ? 'HIGH' : null);

    // 3. The reply, moderated.
    const summary = await this.loadSummary(conversation);
    const history = this.engine.llmAllowed(externalAiConsent) ? await this.history(conversation, userMessage.id) : [];
    const note = userMessage.voice ? voiceNote(text, { heard: Boolean(analysis), consented: heard?.consented ?? true }) : null;
    const generated = await this.engine.generate({ text, language, emotion, riskLevel, country: personCountry, summary, history, externalAiConsent, voice: note });
    errors.push(...generated.errors);
    const reviewReasons = [
      ...(generated.moderation.needsReview ? ['UNCERTAIN_MODERATION'] : []),
      ...(isCrisisLevel(riskLevel) ? [screened ? 'CRISIS_UNASSESSED' : 'CRISIS'] : []),
    ];
    const rules = [...new Set(generated.moderation.findings.map((f) => f.rule))];
    logger?.info(
      { messageId: userMessage.id, source: generated.source, action: generated.moderation.action, rules, review: reviewReasons, riskLevel, errors },
      'reply moderated',
    );

    // 4. Stored: the reply, the decision, the summary and the turn's outcome, in one transaction.
    const replyId = randomUUID();
    const replyCiphertext = await this.vault.encrypt(userId, generated.text, replyId);
    const candidateCiphertext = generated.moderation.action !== 'ALLOW' || reviewReasons.length ? await this.vault.encrypt(userId, generated.candidate, `candidate:${replyId}`) : null;
    const nextSummary = updateSummary(summary, { text, feeling: emotion.feeling, topics: generated.topics, riskLevel });
    const summaryCiphertext = await this.vault.encrypt(userId, JSON.stringify(nextSummary), `summary:${conversation.id}`);
    try {
      return await this.em.fork().transactional(async (tx) => {
        const reply = tx.create(MessageEntity, {
          id: replyId,
          conversationId: conversation.id,
          userId,
          role: 'ASSISTANT',
          textCiphertext: replyCiphertext,
          clientMessageId: null,
          replyToId: userMessage.id,
          language,
          emotionReadingId: null,
          riskAssessmentId: null,
          riskLevel,
          turnErrors: [],
          source: generated.source,
          voice: false,
          // One millisecond later, so the reply sorts after the message it answers.
          createdAt: new Date(userMessage.createdAt.getTime() + 1),
        });
        // The decision references the reply: the reply's row goes first.
        await tx.flush();
        tx.create(ModerationDecisionEntity, {
          id: randomUUID(),
          replyId,
          userId,
          action: generated.moderation.action,
          rules,
          source: generated.source,
          reviewStatus: reviewReasons.length ? 'PENDING' : 'NONE',
          reviewReasons,
          candidateCiphertext,
          createdAt: new Date(),
          reviewedAt: null,
          reviewedBy: null,
          verdict: null,
          reviewNote: null,
        });
        await tx.flush();
        await tx.nativeUpdate(MessageEntity, { id: userMessage.id }, { emotionReadingId, riskAssessmentId: risk?.id ?? null, riskLevel, turnErrors: errors });
        await tx.nativeUpdate(ConversationEntity, { id: conversation.id }, { summaryCiphertext, ...(country ? { country } : {}) });
        const updated = await tx.findOneOrFail(MessageEntity, { id: userMessage.id }, { refresh: true });
        return { userMessage: updated, reply };
      });
    } catch (error) {
      // Another request completed this turn first: its reply stands.
      if (error instanceof UniqueConstraintViolationException) {
        const reply = await this.em.fork().findOne(MessageEntity, { replyToId: userMessage.id });
        if (reply) return { userMessage: await this.em.fork().findOneOrFail(MessageEntity, { id: userMessage.id }), reply };
      }
      throw error;
    }
  }

  private findUserMessage(userId: string, clientMessageId: string): Promise<Message | null> {
    return this.em.fork().findOne(MessageEntity, { userId, clientMessageId });
  }
}

/** Cheap checks before anything is sent on: emotion decodes and validates the audio itself. */
function validateAudio(audio: { base64: string; mimeType: string }) {
  if (!audio.base64) throw badUserInput('The audio is empty.', 'audio', { reason: 'EMPTY' });
  if (audio.base64.length > MAX_AUDIO_BASE64_CHARS) throw badUserInput(`The audio is larger than ${MAX_AUDIO_BYTES} bytes.`, 'audio', { reason: 'TOO_LARGE' });
  if (audio.mimeType.length > 100) throw badUserInput('mimeType is too long.', 'audio', { reason: 'UNSUPPORTED_MIME_TYPE' });
}
