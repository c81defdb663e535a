import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@resona/config';
import { TEST_ADMIN_URL_ENV, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '@resona/db';
import pg from 'pg';

declare global {
  var __resonaTestPostgres: { database: EmbeddedDatabase; dataDir: string } | undefined;
}

/**
 * Gives the test files a PostgreSQL server: the one in `DATABASE_URL` when set, otherwise an
 * embedded PostgreSQL of this run's own (under `.data/test/`, on a free port, removed afterwards,
 * so two runs side by side do not collide). Each test file creates its own database there
 * (see `createTestDatabase`).
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
    const root = path.join(REPO_ROOT, '.data', 'test');
    mkdirSync(root, { recursive: true });
    const dataDir = mkdtempSync(path.join(root, 'run-'));
    // PostgreSQL runs as its own user when we are root; it must be able to enter this folder.
    chmodSync(dataDir, 0o755);
    const database = await startEmbeddedPostgres({ dataDir });
    globalThis.__resonaTestPostgres = { database, dataDir };
    adminUrl = database.adminUrl;
  }
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
}

export async function stopTestPostgres(): Promise<void> {
  const embedded = globalThis.__resonaTestPostgres;
  if (!embedded) return;
  await embedded.database.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
}
