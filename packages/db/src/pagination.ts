import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@resona/errors';

/** List fields return 20 items unless asked otherwise. */
export const DEFAULT_PAGE_SIZE = 20;
/** Asking for more than 100 items is `BAD_USER_INPUT`: it protects the database and slow links. */
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first: number;
  /** Keyset position: items strictly older than this one. */
  after: { createdAt: Date; id: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** An opaque cursor for an item in a newest-first list. */
export function encodeCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([item.createdAt.toISOString(), item.id])).toString('base64url');
}

/** Validates `first` and `after` as clients send them; problems are `BAD_USER_INPUT`. */
export function parsePageArgs(args: { first?: number | null; after?: string | null }): PageArgs {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  if (args.after == null) return { first, after: null };
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (!isUuid(id) || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { first, after: { createdAt: date, id } };
  } catch {
    throw badUserInput('after is not a cursor this list returned.', 'after');
  }
}

/**
 * Loads entities by id (or by another unique uuid column, `by`), one SQL query per batch: `_entities`
 * for 50 readings is one `select … in (…)`. Keys that are not UUIDs resolve to null without reaching
 * the database.
 */
export function entityLoader<T extends object>(em: EntityManager, entityName: string, by = 'id'): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const valid = keys.filter(isUuid);
    const rows = valid.length ? ((await em.find(entityName, { [by]: { $in: valid } } as never)) as (T & Record<string, unknown>)[]) : [];
    const byKey = new Map(rows.map((row) => [String(row[by]), row as T]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

interface PageKey {
  ownerId: string;
  page: PageArgs;
}

/**
 * Loads newest-first pages of an owner's items (a person's readings, a conversation's messages),
 * one SQL query for every owner in the batch, using a window function per owner.
 *
 * @param ownerColumn the column holding the owner's id, e.g. `user_id`.
 * @param where extra SQL condition on the table, e.g. `deleted_at is null` (trusted, never user input).
 */
export function pageLoader<T extends object>(
  em: EntityManager,
  entityName: string,
  ownerColumn: string,
  where = 'true',
): DataLoader<PageKey, T[], string> {
  const meta = em.getMetadata().find(entityName);
  if (!meta) throw new Error(`Unknown entity ${entityName}`);
  const table = `"${meta.schema ?? em.config.get('schema')}"."${meta.tableName}"`;
  return new DataLoader<PageKey, T[], string>(
    async (keys) => {
      // Keys asking for the same page shape share one query.
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const shape = JSON.stringify([key.page.first, key.page.after]);
        groups.set(shape, [...(groups.get(shape) ?? []), key]);
      }
      const results = new Map<string, T[]>();
      for (const [shape, group] of groups) {
        const { first, after } = group[0]!.page;
        const owners = [...new Set(group.map((k) => k.ownerId).filter(isUuid))];
        if (!owners.length) continue;
        const bindings: unknown[] = [...owners];
        let keyset = '';
        if (after) {
          keyset = ' and (created_at, id) < (?, ?)';
          bindings.push(after.createdAt, after.id);
        }
        bindings.push(first);
        const rows = await em.getConnection().execute<Record<string, unknown>[]>(
          `select * from (select t.*, row_number() over (partition by ${ownerColumn} order by created_at desc, id desc) as page_rank
             from ${table} t where ${ownerColumn} in (${owners.map(() => '?').join(', ')}) and (${where})${keyset}) ranked
           where page_rank <= ? order by created_at desc, id desc`,
          bindings,
        );
        for (const row of rows) {
          const owner = String(row[ownerColumn]);
          delete row.page_rank;
          const entity = em.map(entityName, row as never) as T;
          const key = `${shape}|${owner}`;
          results.set(key, [...(results.get(key) ?? []), entity]);
        }
      }
      return keys.map((key) => results.get(`${JSON.stringify([key.page.first, key.page.after])}|${key.ownerId}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.ownerId}|${JSON.stringify(key.page)}` },
  );
}
