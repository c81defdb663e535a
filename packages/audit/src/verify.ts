import pg from 'pg';
import { GENESIS_HASH, recordHash, type AuditRecord } from './log.js';

export interface ChainReport {
  schema: string;
  /** Records checked. */
  records: number;
  ok: boolean;
  /** The first record whose link does not hold, and why. */
  broken?: { id: string; reason: string };
}

const BATCH = 1000;

/** Checks one schema's `audit_log`: every record's hash, and that each names the one before it. */
export async function verifyChain(client: pg.ClientBase, schema: string): Promise<ChainReport> {
  const table = `"${schema.replace(/"/g, '""')}".audit_log`;
  let prevHash = GENESIS_HASH;
  let lastId = '0';
  let records = 0;
  for (;;) {
    const { rows } = await client.query(`select * from ${table} where id > $1 order by id limit ${BATCH}`, [lastId]);
    for (const row of rows) {
      const record: AuditRecord = {
        id: String(row.id),
        at: row.at as Date,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        actorClinicId: row.actor_clinic_id,
        apiKeyId: row.api_key_id,
        action: row.action,
        subjectUserId: row.subject_user_id,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        ip: row.ip,
        userAgent: row.user_agent,
        requestId: row.request_id,
        detail: row.detail,
        prevHash: row.prev_hash,
        hash: row.hash,
      };
      if (record.prevHash !== prevHash) return { schema, records, ok: false, broken: { id: record.id, reason: 'prev_hash does not match the previous record (a record was removed or reordered)' } };
      const { hash, ...rest } = record;
      if (recordHash(rest) !== hash) return { schema, records, ok: false, broken: { id: record.id, reason: 'hash does not match the record (the record was altered)' } };
      prevHash = hash;
      lastId = record.id;
      records++;
    }
    if (rows.length < BATCH) return { schema, records, ok: true };
  }
}

/** Every schema in the database that has an `audit_log`, verified one after the other. */
export async function verifyAllChains(databaseUrl: string): Promise<ChainReport[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string }>(
      `select table_schema as schema from information_schema.tables where table_name = 'audit_log' order by table_schema`,
    );
    const reports: ChainReport[] = [];
    for (const { schema } of rows) reports.push(await verifyChain(client, schema));
    return reports;
  } finally {
    await client.end();
  }
}
