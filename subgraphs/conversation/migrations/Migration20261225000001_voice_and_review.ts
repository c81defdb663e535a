import { Migration } from '@mikro-orm/migrations';

/**
 * Voice messages: a person's message may be spoken (its text is then the transcript, empty when
 * none was made). Moderation reviews: a safety reviewer's verdict and note on a decision.
 */
export class Migration20261225000001_voice_and_review extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table message add column voice boolean not null default false');
    this.addSql(`alter table moderation_decision
      add column verdict text check (verdict in ('CORRECT', 'OVER_MODERATED', 'UNSAFE_SENT')),
      add column review_note text`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table moderation_decision drop column verdict, drop column review_note');
    this.addSql('alter table message drop column voice');
  }
}
