import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000001_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table ui_config (
      id uuid primary key,
      user_id uuid not null,
      version integer not null check (version >= 1),
      theme text not null check (theme in ('CALM_LIGHT', 'CALM_DARK', 'WARM', 'HIGH_CONTRAST')),
      visible_components jsonb not null check (jsonb_typeof(visible_components) = 'array'),
      layout_order jsonb not null check (jsonb_typeof(layout_order) = 'array'),
      generated_at timestamptz not null default now(),
      unique (user_id, version)
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table ui_config');
  }
}
