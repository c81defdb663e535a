import { Migration } from '@mikro-orm/migrations';
import { DATA_KEY_TABLE_SQL } from '@resona/db';

export class Migration20261125000001_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(DATA_KEY_TABLE_SQL);
    this.addSql(`create table conversation (
      id uuid primary key,
      user_id uuid not null,
      title text,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index conversation_user_idx on conversation (user_id, created_at desc, id desc)');
    this.addSql(`create table message (
      id uuid primary key,
      conversation_id uuid not null references conversation (id) on delete cascade,
      user_id uuid not null,
      role text not null check (role in ('USER', 'ASSISTANT')),
      text_ciphertext bytea not null,
      client_message_id text check (char_length(client_message_id) between 1 and 100),
      reply_to_id uuid references message (id) on delete cascade,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index message_conversation_idx on message (conversation_id, created_at desc, id desc)');
    // A replayed offline message must not be stored twice.
    this.addSql('create unique index message_client_id_uq on message (user_id, client_message_id) where client_message_id is not null');
    this.addSql('create unique index message_reply_to_uq on message (reply_to_id) where reply_to_id is not null');
  }

  override async down(): Promise<void> {
    this.addSql('drop table message');
    this.addSql('drop table conversation');
    this.addSql('drop table data_key');
  }
}
