import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000001_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table risk_assessment (
      id uuid primary key,
      user_id uuid not null,
      message_id uuid unique,
      level text not null check (level in ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
      score double precision not null check (score between 0 and 1),
      signals jsonb not null default '[]' check (
        jsonb_typeof(signals) = 'array'
        and not jsonb_path_exists(signals, '$[*] ? (@.weight < 0 || @.weight > 1)')
      ),
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index risk_assessment_user_idx on risk_assessment (user_id, created_at desc, id desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table risk_assessment');
  }
}
