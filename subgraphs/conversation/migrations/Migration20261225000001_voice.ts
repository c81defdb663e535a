import { Migration } from '@mikro-orm/migrations';

/** Voice messages: a person's message may be spoken (its text is then the transcript, empty when none was made). */
export class Migration20261225000001_voice extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table message add column voice boolean not null default false');
  }

  override async down(): Promise<void> {
    this.addSql('alter table message drop column voice');
  }
}
