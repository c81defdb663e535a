/**
 * The outbox against real PostgreSQL, a real HTTP receiver on loopback, and a real process killed
 * with SIGKILL between commit and send.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Migration } from '@mikro-orm/migrations';
import { createOrm, type Orm } from '@resona/db';
import { createTestDatabase, runScript, until } from '@resona/testing';
import { OUTBOX_MIGRATION_SQL, PermanentFailure, Relay, backoff, enqueue, pendingCount, type OutboxRow } from '../src/index.js';

class OutboxMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_MIGRATION_SQL) this.addSql(sql);
  }
}

const SCHEMA = 'outboxed';
const here = path.dirname(fileURLToPath(import.meta.url));
let database: { url: string; drop(): Promise<void> };
let orm: Orm;

/** An HTTP receiver that refuses the first `failFirst` requests per key and records what it accepted. */
function receiver(failFirst: number) {
  const seen = new Map<string, number>();
  const accepted: { key: string; at: number }[] = [];
  const attempts: { key: string; at: number }[] = [];
  const server = http.createServer((req, res) => {
    const key = String(req.headers['idempotency-key']);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    attempts.push({ key, at: Date.now() });
    if (n <= failFirst) return res.writeHead(503).end('try later');
    if (!accepted.some((a) => a.key === key)) accepted.push({ key, at: Date.now() });
    res.writeHead(200).end('ok');
  });
  return {
    accepted,
    attempts,
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const send = (url: string) => async (row: OutboxRow) => {
  const response = await fetch(url, { method: 'POST', headers: { 'idempotency-key': row.key }, body: JSON.stringify(row.payload) });
  if (!response.ok) throw new Error(`receiver answered ${response.status}`);
};

const runChild = (mode: string, key: string) => runScript(path.join(here, 'crash-child.ts'), [database.url, SCHEMA, mode, key], path.resolve(here, '../../..'));

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({ databaseUrl: database.url, schema: SCHEMA, entities: [], migrations: [{ name: 'outbox', class: OutboxMigration }] });
  await orm.migrate();
  await orm.orm.em.fork().execute('create table if not exists change_log (id text primary key)');
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('outbox', () => {
  it('commits and rolls back with the change; a key enqueued twice is one row; refuses outside a transaction', async () => {
    const key = randomUUID();
    await expect(
      orm.orm.em.fork().transactional(async (tx) => {
        await enqueue(tx, [{ topic: 't.rolled-back', key, payload: {} }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await pendingCount(orm.orm.em.fork(), 't.rolled-back')).toBe(0);
    for (let i = 0; i < 2; i++) await orm.orm.em.fork().transactional((tx) => enqueue(tx, [{ topic: 't.once', key, payload: { i } }]));
    expect(await pendingCount(orm.orm.em.fork(), 't.once')).toBe(1);
    await expect(enqueue(orm.orm.em.fork(), [{ topic: 't.once', key: randomUUID(), payload: {} }])).rejects.toThrow(/inside the transaction/);
  });

  it('retries with growing backoff until the receiver acknowledges, then never again', async () => {
    const rx = receiver(3);
    const url = await rx.listen();
    const key = `retry-${randomUUID()}`;
    await orm.orm.em.fork().transactional((tx) => enqueue(tx, [{ topic: 'retry.send', key, payload: { hello: 'world' } }]));
    const relay = new Relay({ em: () => orm.orm.em.fork(), handlers: { 'retry.send': send(url) }, pollMs: 20, backoffMs: 60 }).start();
    await until(() => rx.accepted.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    await relay.stop();
    await rx.close();
    const tries = rx.attempts.filter((a) => a.key === key);
    expect(tries).toHaveLength(4);
    const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
    // 60, 120, 240 ms (±20% jitter, plus polling): each wait longer than the one before.
    expect(gaps[0]!).toBeGreaterThanOrEqual(40);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
    expect(rx.accepted).toEqual([expect.objectContaining({ key })]);
    const [row] = await orm.orm.em.fork().execute<{ attempts: number; delivered_at: Date | null }[]>('select attempts, delivered_at from outbox where key = ?', [key]);
    expect(row!.attempts).toBe(4);
    expect(row!.delivered_at).not.toBeNull();
  });

  it('backoff doubles, is capped, and jitters within ±20%', () => {
    expect(backoff(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoff(4, 1000, 60_000, () => 0.5)).toBe(8000);
    expect(backoff(30, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(backoff(1, 1000, 60_000, () => 0)).toBe(800);
    expect(backoff(1, 1000, 60_000, () => 1)).toBe(1200);
  });

  it('a permanent failure stops the retries and keeps the error', async () => {
    const key = `perm-${randomUUID()}`;
    await orm.orm.em.fork().transactional((tx) => enqueue(tx, [{ topic: 'perm.send', key, payload: {} }]));
    let calls = 0;
    const relay = new Relay({ em: () => orm.orm.em.fork(), handlers: { 'perm.send': async () => { calls++; throw new PermanentFailure('no such recipient'); } }, pollMs: 20, backoffMs: 10 }).start();
    await until(() => calls === 1);
    await new Promise((r) => setTimeout(r, 200));
    await relay.stop();
    expect(calls).toBe(1);
    const [row] = await orm.orm.em.fork().execute<{ last_error: string }[]>('select last_error from outbox where key = ?', [key]);
    expect(row!.last_error).toBe('no such recipient');
  });

  it('a process killed right after the commit: the restarted relay delivers the alert, once', async () => {
    const key = `crash-commit-${randomUUID()}`;
    const child = await runChild('after-commit', key);
    expect(child.signal).toBe('SIGKILL');
    expect(child.out).toContain('committed');
    const em = orm.orm.em.fork();
    expect(await em.execute('select id from change_log where id = ?', [key])).toHaveLength(1);
    expect(await pendingCount(em, 'alert.send')).toBe(1);

    const rx = receiver(0);
    const url = await rx.listen();
    const relay = new Relay({ em: () => orm.orm.em.fork(), handlers: { 'alert.send': send(url) }, pollMs: 20 }).start();
    await until(() => rx.accepted.some((a) => a.key === key));
    await new Promise((r) => setTimeout(r, 300));
    await relay.stop();
    await rx.close();
    expect(rx.attempts.filter((a) => a.key === key)).toHaveLength(1);
    expect(await pendingCount(orm.orm.em.fork(), 'alert.send')).toBe(0);
  });

  it('a relay killed after claiming, before sending: its lease lapses and another relay delivers, once', async () => {
    const key = `crash-claim-${randomUUID()}`;
    await orm.orm.em.fork().transactional((tx) => enqueue(tx, [{ topic: 'alert.send', key, payload: { alert: key } }]));
    const child = await runChild('mid-delivery', key);
    expect(child.signal).toBe('SIGKILL');
    expect(child.out).toContain('claimed');
    const [claimed] = await orm.orm.em.fork().execute<{ attempts: number; delivered_at: Date | null }[]>('select attempts, delivered_at from outbox where key = ?', [key]);
    expect(claimed).toMatchObject({ attempts: 1, delivered_at: null });

    const rx = receiver(0);
    const url = await rx.listen();
    const relay = new Relay({ em: () => orm.orm.em.fork(), handlers: { 'alert.send': send(url) }, pollMs: 20 }).start();
    await until(() => rx.accepted.some((a) => a.key === key));
    await new Promise((r) => setTimeout(r, 300));
    await relay.stop();
    await rx.close();
    expect(rx.attempts.filter((a) => a.key === key)).toHaveLength(1);
  });
});
