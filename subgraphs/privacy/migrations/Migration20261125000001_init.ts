import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000001_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table consent (
      id uuid primary key,
      user_id uuid not null,
      type text not null check (type in ('VOICE_PROCESSING', 'EMOTION_ANALYSIS', 'EXTERNAL_AI', 'CLINIC_SHARING', 'RESEARCH')),
      clinic_id uuid,
      policy_version text not null,
      granted boolean not null,
      granted_at timestamptz not null,
      revoked_at timestamptz,
      ip_address text,
      user_agent text,
      created_at timestamptz not null default now(),
      check ((type = 'CLINIC_SHARING') = (clinic_id is not null)),
      check (granted = (revoked_at is null))
    )`);
    this.addSql('create index consent_user_idx on consent (user_id, created_at desc, id desc)');
    // At most one active grant per person, type and clinic.
    this.addSql(`create unique index consent_active_uq on consent (user_id, type, coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid)) where granted`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table consent');
  }
}
