import { randomBytes } from 'node:crypto';
import { TEST_ADMIN_URL_ENV, dropDatabase, ensureDatabase, withDatabase } from '@resona/db';

export { TEST_ADMIN_URL_ENV };


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
