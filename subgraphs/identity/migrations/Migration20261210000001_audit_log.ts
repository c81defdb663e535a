import { Migration } from '@mikro-orm/migrations';
import { AUDIT_LOG_DROP_SQL, AUDIT_LOG_MIGRATION_SQL } from '@resona/audit';

/** The append-only, hash-chained audit log (see packages/audit). */
export class Migration20261210000001_audit_log extends Migration {
  override async up(): Promise<void> {
    for (const sql of AUDIT_LOG_MIGRATION_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of AUDIT_LOG_DROP_SQL) this.addSql(sql);
  }
}
