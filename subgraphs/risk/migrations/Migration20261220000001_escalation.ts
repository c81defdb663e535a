import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_DROP_SQL, OUTBOX_MIGRATION_SQL } from '@resona/outbox';

/**
 * Issue 6: one escalation per HIGH/IMMINENT assessment (a state machine with its history), the
 * clinicians' review queue of borderline assessments, and the outbox that carries alerts and
 * notifications after the commit.
 */
export class Migration20261220000001_escalation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table crisis_escalation (
      id uuid primary key,
      assessment_id uuid not null unique references risk_assessment (id) on delete cascade,
      user_id uuid not null,
      level text not null check (level in ('HIGH', 'IMMINENT')),
      state text not null check (state in ('OPEN', 'ACKNOWLEDGED', 'CONTACTED', 'RESOLVED', 'ESCALATED_EMERGENCY')),
      clinic_ids jsonb not null,
      on_call boolean not null,
      history jsonb not null,
      reminders integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql("create index crisis_escalation_open_idx on crisis_escalation (created_at desc) where state <> 'RESOLVED'");
    this.addSql('create index crisis_escalation_user_idx on crisis_escalation (user_id)');
    this.addSql(`create table review_item (
      id uuid primary key,
      assessment_id uuid not null unique references risk_assessment (id) on delete cascade,
      user_id uuid not null,
      reasons jsonb not null,
      status text not null check (status in ('PENDING', 'CONFIRMED', 'CORRECTED')),
      detected_level text not null,
      reviewed_level text,
      reviewed_by uuid,
      reviewed_at timestamptz,
      note text,
      created_at timestamptz not null default now()
    )`);
    this.addSql("create index review_item_pending_idx on review_item (created_at) where status = 'PENDING'");
    this.addSql('create index review_item_user_idx on review_item (user_id)');
    for (const sql of OUTBOX_MIGRATION_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of OUTBOX_DROP_SQL) this.addSql(sql);
    this.addSql('drop table review_item');
    this.addSql('drop table crisis_escalation');
  }
}
