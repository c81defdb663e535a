export * from './orm.js';
export * from './embedded.js';
export * from './pagination.js';
export * from './data-keys.js';

/** Set by the test suite's global setup: a PostgreSQL server where each test file gets its own database. */
export const TEST_ADMIN_URL_ENV = 'RESONA_TEST_ADMIN_URL';
