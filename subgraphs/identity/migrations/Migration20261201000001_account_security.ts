import { Migration } from '@mikro-orm/migrations';

/** Email verification, password reset, MFA, social login, invitations, API keys, security events. */
export class Migration20261201000001_account_security extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table app_user
      add column email_verified boolean not null default false,
      add column mfa_enabled boolean not null default false,
      add column totp_secret bytea,
      add column totp_kek_version integer,
      add column totp_last_counter integer`);
    this.addSql('alter table refresh_token add column mfa boolean not null default false');
    this.addSql('create index refresh_token_user_idx on refresh_token (user_id)');
    this.addSql(`create table one_time_token (
      id uuid primary key,
      purpose text not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'INVITATION')),
      token_hash text not null unique,
      user_id uuid references app_user (id) on delete cascade,
      email text not null,
      detail jsonb,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create table recovery_code (
      id uuid primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index recovery_code_user_idx on recovery_code (user_id)');
    this.addSql(`create table security_event (
      id uuid primary key,
      type text not null,
      user_id uuid,
      email_hash text,
      ip text,
      user_agent text,
      detail jsonb,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index security_event_created_idx on security_event (created_at desc, id desc)');
    this.addSql('create index security_event_type_idx on security_event (type, created_at desc)');
    this.addSql(`create table oidc_login (
      id uuid primary key,
      state_hash text not null unique,
      nonce text not null,
      code_verifier text not null,
      user_id uuid references app_user (id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create table user_identity (
      id uuid primary key,
      issuer text not null,
      subject text not null,
      user_id uuid not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      unique (issuer, subject)
    )`);
    this.addSql(`create table api_key (
      id uuid primary key,
      clinic_id uuid not null references clinic (id),
      name text not null,
      scopes text[] not null,
      prefix text not null unique,
      secret_hash text not null,
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`);
    this.addSql('create index api_key_clinic_idx on api_key (clinic_id)');
  }

  override async down(): Promise<void> {
    for (const table of ['api_key', 'user_identity', 'oidc_login', 'security_event', 'recovery_code', 'one_time_token']) this.addSql(`drop table ${table}`);
    this.addSql('drop index refresh_token_user_idx');
    this.addSql('alter table refresh_token drop column mfa');
    this.addSql(`alter table app_user drop column email_verified, drop column mfa_enabled, drop column totp_secret,
      drop column totp_kek_version, drop column totp_last_counter`);
  }
}
