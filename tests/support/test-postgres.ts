import path from 'node:path';
import { REPO_ROOT } from '@resona/config';
import { startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '@resona/db';
import { TEST_ADMIN_URL_ENV } from '@resona/testing';
import pg from 'pg';

declare global {
  var __resonaTestPostgres: EmbeddedDatabase | undefined;
}

/**
 * Gives the test files a PostgreSQL server: the one in `DATABASE_URL` when set, otherwise an
 * embedded PostgreSQL under `.data/test/` on a free port. Each test file creates its own
 * database there (see `createTestDatabase`).
 */
export async function startTestPostgres(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  let adminUrl: string;
  if (databaseUrl) {
    adminUrl = withDatabase(databaseUrl, 'postgres');
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.end();
    } catch (error) {
      throw new Error(
        `DATABASE_URL is set but its server does not answer (${(error as Error).message}). Start it, or unset DATABASE_URL to test on an embedded PostgreSQL.`,
      );
    }
  } else {
    const database = await startEmbeddedPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'test') });
    globalThis.__resonaTestPostgres = database;
    adminUrl = database.adminUrl;
  }
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
}

export async function stopTestPostgres(): Promise<void> {
  await globalThis.__resonaTestPostgres?.stop();
}
