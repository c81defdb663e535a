import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000001_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table clinic (
      id uuid primary key,
      name text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create table app_user (
      id uuid primary key,
      email text not null unique,
      password_hash text not null,
      display_name text not null,
      preferred_language text not null check (preferred_language in ('EN', 'SW', 'MIXED')),
      roles text[] not null default '{PATIENT}',
      clinic_id uuid references clinic (id),
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create table refresh_token (
      id uuid primary key,
      family_id uuid not null,
      user_id uuid not null references app_user (id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index refresh_token_family_idx on refresh_token (family_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table refresh_token');
    this.addSql('drop table app_user');
    this.addSql('drop table clinic');
  }
}
