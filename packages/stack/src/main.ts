import { createLogger, parseConfig } from '@resona/config';
import { DEMO_ONCALL_CLINIC_ID } from '@resona/identity';
import { stackConfigSchema } from './config.js';
import { startStack } from './stack.js';

let config;
try {
  config = parseConfig(stackConfigSchema);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger('stack', config.LOG_LEVEL);
const demo = config.NODE_ENV !== 'production';
// With the demo data, its on-call clinic takes the alerts of people who share with no clinic and reviews moderation.
const ownClinic = demo ? DEMO_ONCALL_CLINIC_ID : undefined;
const teams = { RISK_ONCALL_CLINIC_ID: config.RISK_ONCALL_CLINIC_ID ?? ownClinic, SAFETY_REVIEW_CLINIC_ID: config.SAFETY_REVIEW_CLINIC_ID ?? ownClinic };
const stack = await startStack(
  {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    ports: 'default',
    gatewayPort: config.PORT,
    seedWhenEmpty: demo,
    settings: Object.fromEntries(Object.entries(teams).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  },
  logger,
).catch((error: Error) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});

console.log(`\n  Resona is running: ${stack.gatewayUrl}\n  Press Ctrl-C to stop.\n`);

// The embedded PostgreSQL package stops its server on these signals by itself, at the same moment as
// we start draining: the relays would lose their database mid-delivery. We stop everything in order
// (servers, relays, then PostgreSQL), so its listeners go.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await stack.stop();
    process.exit(0);
  });
}
