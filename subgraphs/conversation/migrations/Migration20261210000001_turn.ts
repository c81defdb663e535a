import { Migration } from '@mikro-orm/migrations';

/** The conversation engine: summaries, turn metadata, moderation decisions and the review queue. */
export class Migration20261210000001_turn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table conversation
      add column country text check (country in ('KE', 'UG', 'TZ')),
      add column summary_ciphertext bytea`);
    this.addSql(`alter table message
      add column language text check (language in ('EN', 'SW', 'MIXED')),
      add column emotion_reading_id uuid,
      add column risk_assessment_id uuid,
      add column risk_level text check (risk_level in ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
      add column turn_errors jsonb not null default '[]',
      add column source text check (source in ('LOCAL', 'LLM', 'LLM_IN_COUNTRY'))`);
    this.addSql(`create table moderation_decision (
      id uuid primary key,
      reply_id uuid not null unique references message (id) on delete cascade,
      user_id uuid not null,
      action text not null check (action in ('ALLOW', 'REWRITE', 'BLOCK')),
      rules jsonb not null,
      source text not null,
      review_status text not null check (review_status in ('NONE', 'PENDING', 'RESOLVED')),
      review_reasons jsonb not null default '[]',
      candidate_ciphertext bytea,
      created_at timestamptz not null default now(),
      reviewed_at timestamptz,
      reviewed_by text
    )`);
    // The review queue: pending decisions, oldest first.
    this.addSql(`create index moderation_review_idx on moderation_decision (created_at, id) where review_status = 'PENDING'`);
    this.addSql('create index moderation_user_idx on moderation_decision (user_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table moderation_decision');
    this.addSql('alter table message drop column language, drop column emotion_reading_id, drop column risk_assessment_id, drop column risk_level, drop column turn_errors, drop column source');
    this.addSql('alter table conversation drop column country, drop column summary_ciphertext');
  }
}
