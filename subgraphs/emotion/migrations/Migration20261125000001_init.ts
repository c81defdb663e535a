import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000001_init extends Migration {
  override async up(): Promise<void> {
    // valence is -1 (unpleasant) .. 1 (pleasant); arousal is 0 (calm) .. 1 (activated).
    this.addSql(`create table emotion_reading (
      id uuid primary key,
      user_id uuid not null,
      message_id uuid unique,
      emotion text not null check (emotion in ('NEUTRAL', 'HAPPY', 'SAD', 'ANGRY', 'FEAR', 'SURPRISE', 'DISGUST')),
      confidence double precision not null check (confidence between 0 and 1),
      scores jsonb not null check (
        jsonb_typeof(scores) = 'array'
        and not jsonb_path_exists(scores, '$[*] ? (@.score < 0 || @.score > 1)')
      ),
      valence double precision not null check (valence between -1 and 1),
      arousal double precision not null check (arousal between 0 and 1),
      source text not null check (source in ('VOICE', 'TEXT', 'FUSED')),
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index emotion_reading_user_idx on emotion_reading (user_id, created_at desc, id desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table emotion_reading');
  }
}
