import { Migration } from '@mikro-orm/migrations';

/** Voice analysis (issue 5): language, audio quality, dissonance, concealment and baseline deviation on readings; per-person baselines. */
export class Migration20261210000001_voice_analysis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table emotion_reading
      add column language text check (language in ('EN', 'SW', 'MIXED')),
      add column quality double precision check (quality between 0 and 1),
      add column dissonance double precision check (dissonance between 0 and 1),
      add column concealment boolean,
      add column deviation double precision check (deviation >= 0),
      add column deviation_detail jsonb`);
    this.addSql(`create table emotion_baseline (
      user_id uuid primary key,
      count integer not null check (count >= 0),
      mean jsonb not null,
      variance jsonb not null,
      updated_at timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table emotion_baseline');
    this.addSql('alter table emotion_reading drop column language, drop column quality, drop column dissonance, drop column concealment, drop column deviation, drop column deviation_detail');
  }
}
