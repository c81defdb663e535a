import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, auditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';
import { isUuid, type DataKeyVault } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { MessageEntity, ModerationDecisionEntity, type ModerationDecision, type ModerationVerdict } from '../entities.js';
import { PiiMasker } from './pii.js';

export const MODERATION_VERDICTS: readonly ModerationVerdict[] = ['CORRECT', 'OVER_MODERATED', 'UNSAFE_SENT'];
/** The audit action of a safety review. */
export const MODERATION_REVIEWED = 'MODERATION_REVIEWED';
/** Longest reviewer note, characters. */
export const MAX_REVIEW_NOTE = 2000;

/**
 * The human review queue of reply moderation: decisions moderation was unsure about, and every
 * crisis reply. Resona's safety reviewers see them de-identified: the reply as sent and the
 * candidate before moderation, with personal data masked again, never the person or their words.
 * Their verdicts are kept as labelled data for the rules.
 */
export class ModerationReviews {
  constructor(
    private readonly em: EntityManager,
    private readonly vault: DataKeyVault,
  ) {}

  /** Pending decisions, oldest first (1 to 100). */
  pending(first: number): Promise<ModerationDecision[]> {
    const limit = Math.min(Math.max(first, 1), 100);
    return this.em.fork().find(ModerationDecisionEntity, { reviewStatus: 'PENDING' }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  /** The reply the person received, masked. */
  async sentReply(decision: ModerationDecision): Promise<string> {
    const reply = await this.em.fork().findOneOrFail(MessageEntity, { id: decision.replyId });
    return masked(await this.vault.decrypt(decision.userId, reply.textCiphertext, reply.id));
  }

  /** The reply before moderation changed it (null when it was not changed), masked. */
  async candidateReply(decision: ModerationDecision): Promise<string | null> {
    if (!decision.candidateCiphertext) return null;
    return masked(await this.vault.decrypt(decision.userId, decision.candidateCiphertext, `candidate:${decision.replyId}`));
  }

  /** Records the reviewer's verdict once (a second review is refused); audited in the same transaction. */
  async review(id: string, verdict: ModerationVerdict, note: string | null, actor: Principal): Promise<ModerationDecision> {
    if (!isUuid(id)) throw badUserInput('id is not a valid id.', 'id');
    if (!MODERATION_VERDICTS.includes(verdict)) throw badUserInput(`Unknown verdict ${verdict}.`, 'verdict');
    if (note != null && note.length > MAX_REVIEW_NOTE) throw badUserInput(`note is at most ${MAX_REVIEW_NOTE} characters.`, 'note');
    const decision = await this.em.fork().findOne(ModerationDecisionEntity, { id });
    if (!decision) throw notFound('Moderation review not found.');
    if (decision.reviewStatus !== 'PENDING') throw badUserInput(decision.reviewStatus === 'RESOLVED' ? 'This reply was already reviewed.' : 'This reply is not waiting for review.', 'id');
    await this.em.fork().transactional(async (tx) => {
      // Only a pending decision is resolved, so of two concurrent reviews one is recorded.
      const changed = await tx.nativeUpdate(ModerationDecisionEntity, { id, reviewStatus: 'PENDING' }, { reviewStatus: 'RESOLVED', verdict, reviewNote: note, reviewedAt: new Date(), reviewedBy: actor.userId });
      if (!changed) throw badUserInput('This reply was reviewed meanwhile.', 'id');
      await appendAudit(tx, [
        auditEntry(actor, { action: MODERATION_REVIEWED, subjectUserId: decision.userId, resourceType: 'ModerationDecision', resourceId: id, detail: { verdict, action: decision.action } }),
      ]);
    });
    return this.em.fork().findOneOrFail(ModerationDecisionEntity, { id });
  }
}

/** A reply's personal data (restored for the person) masked again for the reviewer. */
const masked = (text: string) => new PiiMasker().mask(text);
