import { runInBackground } from '@resona/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A transactional outbox: a service writes the events a change causes into its own `outbox` table
 * in the same transaction as the change, and a {@link Relay} delivers them afterwards, retrying
 * with backoff until the handler acknowledges (returns without throwing). Delivery is at least
 * once; each row carries a stable `key` that handlers pass on (as an idempotency key, or to skip
 * what they already did), so consumers stay idempotent and a recipient is not told twice.
 *
 * Generic: any subgraph adds {@link OUTBOX_MIGRATION_SQL} to a migration and registers handlers by topic.
 */

/**
 * The SQL that creates a subgraph's `outbox`, for the subgraph's next migration
 * (`for (const sql of OUTBOX_MIGRATION_SQL) this.addSql(sql)`); unqualified, it lands in the
 * subgraph's own schema.
 */
export const OUTBOX_MIGRATION_SQL: readonly string[] = [
  `create table outbox (
    id uuid primary key,
    topic text not null,
    key text not null unique,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    available_at timestamptz not null default now(),
    attempts integer not null default 0,
    locked_until timestamptz,
    last_error text,
    delivered_at timestamptz
  )`,
  // What the relay looks for: undelivered rows that are due.
  'create index outbox_due_idx on outbox (available_at) where delivered_at is null',
];

/** Undo for a migration's `down()`. */
export const OUTBOX_DROP_SQL: readonly string[] = ['drop table outbox'];

export interface OutboxMessage<P = unknown> {
  /** Which handler delivers it, e.g. `crisis-alert.publish`. */
  topic: string;
  /**
   * Stable and unique: the same key enqueued twice is one row (the second is ignored), and
   * handlers use it as the idempotency key of what they send.
   */
  key: string;
  payload: P;
  /** Not before this time (a reminder, a delayed escalation). Default now. */
  availableAt?: Date;
}

/** A row as the relay hands it to a handler. */
export interface OutboxRow<P = unknown> {
  id: string;
  topic: string;
  key: string;
  payload: P;
  createdAt: Date;
  /** 1 on the first try. */
  attempt: number;
}

/**
 * Adds messages to the outbox inside the caller's transaction (`em` must be in one, so the
 * messages commit or roll back with the change). Keys already present are ignored.
 */
export async function enqueue(em: EntityManager, messages: OutboxMessage[]): Promise<void> {
  if (!messages.length) return;
  if (!em.isInTransaction()) throw new Error('enqueue must run inside the transaction of the change it belongs to.');
  const values = messages.map(() => '(?, ?, ?, ?::jsonb, ?)').join(', ');
  const params = messages.flatMap((m) => [randomUUID(), m.topic, m.key, JSON.stringify(m.payload), m.availableAt ?? new Date()]);
  await em.execute(`insert into outbox (id, topic, key, payload, available_at) values ${values} on conflict (key) do nothing`, params);
}

export type OutboxHandler = (row: OutboxRow<any>) => Promise<void>;

/** Thrown by a handler for a message that can never succeed: the relay stops retrying it. */
export class PermanentFailure extends Error {}

export interface RelayOptions {
  /** A fresh EntityManager (the relay forks one per batch). */
  em: () => EntityManager;
  /** Handlers by topic. A row whose topic has none waits (another replica may know it). */
  handlers: Record<string, OutboxHandler>;
  /** How often to look for due rows when nobody calls `wake()`. Default 500 ms. */
  pollMs?: number;
  /** Rows claimed per batch. Default 20. */
  batchSize?: number;
  /** How long a claimed row is this relay's before another may take it (a crashed relay's rows come back). Default 30 s. */
  leaseMs?: number;
  /** First retry after this; doubles each attempt, with ±20% jitter. Default 1 s. */
  backoffMs?: number;
  /** Longest wait between retries. Default 5 min. */
  maxBackoffMs?: number;
  /** Give up after this many attempts (the row keeps its error). Default never: crisis alerts are retried until delivered. */
  maxAttempts?: number;
  logger?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** The wait before attempt `attempt + 1`: exponential, capped, with jitter. */
export function backoff(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Delivers outbox rows: claims due rows (`for update skip locked`, so replicas share the work),
 * runs each row's handler, marks it delivered, or schedules a retry with backoff. Call `wake()`
 * after a commit that enqueued something to deliver without waiting for the next poll.
 */
export class Relay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly options: Required<Omit<RelayOptions, 'logger' | 'maxAttempts'>> & Pick<RelayOptions, 'logger' | 'maxAttempts'>;

  constructor(options: RelayOptions) {
    this.options = { pollMs: 500, batchSize: 20, leaseMs: 30_000, backoffMs: 1_000, maxBackoffMs: 300_000, ...options };
  }

  start(): this {
    if (!this.stopped) return this;
    this.stopped = false;
    this.schedule(0);
    return this;
  }

  /** Look for due rows now (after a commit that enqueued some). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: claims and delivers due rows until none are left. Returns how many were delivered. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = await this.claim();
      if (!rows.length) return delivered;
      const results = await Promise.all(rows.map((row) => this.deliver(row)));
      delivered += results.filter(Boolean).length;
      if (this.stopped) return delivered;
    }
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = runInBackground(() => this.drain())
        .catch((err) => this.options.logger?.error({ err }, 'outbox relay pass failed'))
        .then(() => {
          this.running = null;
          if (this.stopped) return;
          const next = this.again ? 0 : this.options.pollMs;
          this.again = false;
          this.schedule(next);
        });
    }, ms);
    this.timer.unref?.();
  }

  private async claim(): Promise<OutboxRow[]> {
    const topics = Object.keys(this.options.handlers);
    if (!topics.length) return [];
    const em = this.options.em();
    const rows = await em.execute<{ id: string; topic: string; key: string; payload: unknown; created_at: Date; attempts: number }[]>(
      `update outbox set locked_until = now() + (? * interval '1 millisecond'), attempts = attempts + 1
       where id in (
         select id from outbox
         where delivered_at is null and available_at <= now() and (locked_until is null or locked_until < now())
           and topic in (${topics.map(() => '?').join(', ')})
           ${this.options.maxAttempts ? 'and attempts < ?' : ''}
         order by available_at, created_at
         limit ? for update skip locked)
       returning id, topic, key, payload, created_at, attempts`,
      [this.options.leaseMs, ...topics, ...(this.options.maxAttempts ? [this.options.maxAttempts] : []), this.options.batchSize],
    );
    return rows.map((r) => ({ id: r.id, topic: r.topic, key: r.key, payload: r.payload, createdAt: new Date(r.created_at), attempt: r.attempts }));
  }

  private async deliver(row: OutboxRow): Promise<boolean> {
    const em = this.options.em();
    try {
      await this.options.handlers[row.topic]!(row);
    } catch (error) {
      const permanent = error instanceof PermanentFailure;
      const wait = backoff(row.attempt, this.options.backoffMs, this.options.maxBackoffMs);
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger?.warn({ err: error, outboxId: row.id, topic: row.topic, attempt: row.attempt, retryInMs: permanent ? null : wait }, 'outbox delivery failed');
      await em.execute(
        `update outbox set locked_until = null, last_error = ?, available_at = ${permanent ? "'infinity'" : "now() + (? * interval '1 millisecond')"} where id = ?`,
        permanent ? [message.slice(0, 1000), row.id] : [message.slice(0, 1000), wait, row.id],
      );
      return false;
    }
    await em.execute('update outbox set delivered_at = now(), locked_until = null, last_error = null where id = ?', [row.id]);
    return true;
  }
}

/** Outbox rows not yet delivered (for health checks and tests). */
export async function pendingCount(em: EntityManager, topicPrefix = ''): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(`select count(*)::text as n from outbox where delivered_at is null and topic like ?`, [`${topicPrefix}%`]);
  return Number(row?.n ?? 0);
}
