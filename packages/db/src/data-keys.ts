import { EntitySchema, type EntityManager } from '@mikro-orm/postgresql';
import { open, seal, type KeyRing } from '@resona/crypto';

export interface DataKey {
  userId: string;
  kekVersion: number;
  wrappedKey: Buffer;
  createdAt: Date;
}

/** A person's data key, wrapped, in the subgraph's own schema (`<schema>.data_key`). */
export const dataKeyEntity = () =>
  new EntitySchema<DataKey>({
    name: 'DataKey',
    tableName: 'data_key',
    properties: {
      userId: { type: 'uuid', primary: true },
      kekVersion: { type: 'integer' },
      wrappedKey: { type: 'blob' },
      createdAt: { type: 'Date', onCreate: () => new Date() },
    },
  });

/** SQL for the `data_key` table, for a subgraph's first migration. */
export const DATA_KEY_TABLE_SQL = `create table data_key (
  user_id uuid primary key,
  kek_version integer not null,
  wrapped_key bytea not null,
  created_at timestamptz not null default now()
)`;

/** Thrown when a person's data key is gone (erased): their text can no longer be read. */
export class DataKeyShreddedError extends Error {}

/**
 * Encrypts and decrypts one person's sensitive text under their data key. One vault per request;
 * it caches unwrapped keys only for that request.
 */
export class DataKeyVault {
  /** Per person, the key being loaded or loaded: concurrent resolvers share one lookup. */
  private readonly keys = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly em: EntityManager,
    private readonly keyRing: KeyRing,
  ) {}

  async encrypt(userId: string, plaintext: string, recordId: string): Promise<Buffer> {
    return seal(await this.dataKey(userId, true), plaintext, `${userId}/${recordId}`);
  }

  async decrypt(userId: string, sealed: Buffer, recordId: string): Promise<string> {
    return open(await this.dataKey(userId, false), sealed, `${userId}/${recordId}`).toString('utf8');
  }

  /** Deletes the person's data key: every ciphertext under it becomes unreadable. */
  async shred(userId: string): Promise<void> {
    this.keys.delete(userId);
    await this.em.getConnection().execute(`delete from ${this.table()} where user_id = ?`, [userId]);
  }

  private table() {
    return `"${this.em.config.get('schema')}"."data_key"`;
  }

  private dataKey(userId: string, create: boolean): Promise<Buffer> {
    const cached = this.keys.get(userId);
    if (cached) return cached;
    const loading = this.loadDataKey(userId, create);
    this.keys.set(userId, loading);
    loading.catch(() => this.keys.delete(userId));
    return loading;
  }

  private async loadDataKey(userId: string, create: boolean): Promise<Buffer> {
    const context = `data-key/${userId}`;
    // Almost every call finds the key: read first, create only when there is none.
    let row = await this.readDataKey(userId);
    if (!row && create) {
      const { kekVersion, wrapped } = this.keyRing.wrap(this.keyRing.newDataKey(), context);
      // Two requests may race to create the first key: the first insert wins, both use it.
      await this.em
        .getConnection()
        .execute(`insert into ${this.table()} (user_id, kek_version, wrapped_key) values (?, ?, ?) on conflict (user_id) do nothing`, [
          userId,
          kekVersion,
          wrapped,
        ]);
      row = await this.readDataKey(userId);
    }
    if (!row) throw new DataKeyShreddedError(`No data key for ${userId}`);
    return this.keyRing.unwrap(row.kek_version, row.wrapped_key, context);
  }

  private async readDataKey(userId: string) {
    const rows = await this.em
      .getConnection()
      .execute<{ kek_version: number; wrapped_key: Buffer }[]>(`select kek_version, wrapped_key from ${this.table()} where user_id = ?`, [userId]);
    return rows[0];
  }
}
