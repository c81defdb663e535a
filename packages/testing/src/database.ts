import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '@resona/db';

/** Set by the test suite's global setup: a PostgreSQL server where each test file gets its own database. */
export const TEST_ADMIN_URL_ENV = 'RESONA_TEST_ADMIN_URL';

/** The admin URL of the test PostgreSQL, or a failure that says how to get one. */
export function testAdminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url) {
    throw new Error(
      `${TEST_ADMIN_URL_ENV} is not set. Run the tests with \`pnpm test\` from the repository root: its global setup ` +
        'starts an embedded PostgreSQL (or uses DATABASE_URL when set) and sets it.',
    );
  }
  return url;
}

/** A fresh, empty database for one test file, dropped afterwards. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = testAdminUrl();
  const name = `resona_t_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
