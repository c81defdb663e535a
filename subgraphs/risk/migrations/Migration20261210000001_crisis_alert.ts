import { Migration } from '@mikro-orm/migrations';

/** One alert per clinic for a HIGH or IMMINENT assessment; open until a clinician acknowledges it. */
export class Migration20261210000001_crisis_alert extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table crisis_alert (
      id uuid primary key,
      clinic_id uuid not null,
      user_id uuid not null,
      assessment_id uuid not null references risk_assessment (id) on delete cascade,
      created_at timestamptz not null default now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid,
      unique (assessment_id, clinic_id),
      check ((acknowledged_at is null) = (acknowledged_by is null))
    )`);
    // Resuming a clinic's stream (created after a cursor) and its open alerts, newest first.
    this.addSql('create index crisis_alert_clinic_idx on crisis_alert (clinic_id, created_at, id)');
    this.addSql('create index crisis_alert_open_idx on crisis_alert (clinic_id, created_at desc, id desc) where acknowledged_at is null');
    // Erasure deletes a person's rows.
    this.addSql('create index crisis_alert_user_idx on crisis_alert (user_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table crisis_alert');
  }
}
