import path from 'node:path';
import { env, parseConfig, z } from '@resona/config';
import { startEmbeddedPostgres } from '@resona/db';
import { verifyAllChains } from './verify.js';

/**
 * `pnpm audit:verify`: walks the audit chain of every subgraph schema and prints OK or the first
 * broken link; exits 1 when any chain is broken. Uses `DATABASE_URL`, or the embedded PostgreSQL
 * under `DATA_DIR` (stop `pnpm start` first: one data directory serves one server).
 */
const config = parseConfig(
  z.object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    DATA_DIR: env.dataDir,
  }),
);

const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: config.DATA_DIR });
let failed = false;
try {
  const reports = await verifyAllChains(config.DATABASE_URL ?? embedded!.url);
  if (reports.length === 0) console.log('No audit_log found (no subgraph has migrated yet).');
  for (const report of reports) {
    if (report.ok) console.log(`${report.schema}: OK (${report.records} records)`);
    else {
      failed = true;
      console.log(`${report.schema}: BROKEN at record ${report.broken!.id} after ${report.records} good records: ${report.broken!.reason}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  if (!config.DATABASE_URL) console.error(`(embedded PostgreSQL under ${path.join(config.DATA_DIR, 'postgres')}; is \`pnpm start\` still running?)`);
} finally {
  await embedded?.stop();
}
process.exit(failed ? 1 : 0);
