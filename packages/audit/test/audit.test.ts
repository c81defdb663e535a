import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Migration } from '@mikro-orm/migrations';
import { anonymousPrincipal } from '@resona/auth';
import { createOrm, type Orm } from '@resona/db';
import { createTestDatabase } from '@resona/testing';
import { AUDIT_LOG_MIGRATION_SQL, AuditAction, appendAudit, auditEntry, canonicalJson, verifyAllChains, verifyChain } from '../src/index.js';

class AuditMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of AUDIT_LOG_MIGRATION_SQL) this.addSql(sql);
  }
}

let database: { url: string; drop(): Promise<void> };
let orm: Orm;
let client: pg.Client;
const actor = anonymousPrincipal({ kind: 'user', userId: randomUUID(), roles: ['CLINICIAN'], clinicId: randomUUID(), mfa: true, ip: '10.0.0.1', requestId: 'r1' });

const append = (n: number) =>
  appendAudit(orm.orm.em.fork(), Array.from({ length: n }, (_, i) =>
    auditEntry(actor, { action: AuditAction.READ, subjectUserId: randomUUID(), resourceType: 'EmotionReading', detail: { count: i, nested: { b: 1, a: [1, 'x'] } } }),
  ));

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({ databaseUrl: database.url, schema: 'audited', entities: [], migrations: [{ name: 'audit', class: AuditMigration }] });
  await orm.migrate();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await orm?.close();
  await database?.drop();
});

describe('audit log', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('chains every record to the one before, also under concurrent appends', async () => {
    await append(3);
    await Promise.all(Array.from({ length: 10 }, () => append(2)));
    const report = await verifyChain(client, 'audited');
    expect(report).toEqual({ schema: 'audited', records: 23, ok: true });
    expect(await verifyAllChains(database.url)).toEqual([report]);
  });

  it('appends in the caller’s transaction: a rolled-back change leaves no record', async () => {
    const before = (await client.query('select count(*)::int as n from audited.audit_log')).rows[0].n;
    await expect(
      orm.orm.em.fork().transactional(async (tx) => {
        await appendAudit(tx, [auditEntry(actor, { action: AuditAction.CONSENT_GRANTED })]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await client.query('select count(*)::int as n from audited.audit_log')).rows[0].n).toBe(before);
    expect((await verifyChain(client, 'audited')).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(client.query(`update audited.audit_log set action = 'NOTHING' where id = 1`)).rejects.toThrow(/append-only/);
    await expect(client.query('delete from audited.audit_log where id = 1')).rejects.toThrow(/append-only/);
    await expect(client.query('truncate audited.audit_log')).rejects.toThrow(/append-only/);
  });

  it('detects an altered record and a removed one once the trigger is out of the way', async () => {
    // Only a superuser (the test database's owner) can do this; the chain still tells.
    await client.query('alter table audited.audit_log disable trigger audit_log_append_only');
    await client.query(`update audited.audit_log set subject_user_id = $1 where id = 5`, [randomUUID()]);
    const altered = await verifyChain(client, 'audited');
    expect(altered).toMatchObject({ ok: false, records: 4, broken: { id: '5', reason: expect.stringMatching(/altered/) } });

    await client.query('delete from audited.audit_log where id = 5');
    const removed = await verifyChain(client, 'audited');
    expect(removed).toMatchObject({ ok: false, records: 4, broken: { id: '6', reason: expect.stringMatching(/removed/) } });
  });
});
