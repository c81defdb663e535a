import { createLogger, parseConfig } from '@resona/config';
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
const stack = await startStack(
  {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    ports: 'default',
    gatewayPort: config.PORT,
    seedWhenEmpty: config.NODE_ENV !== 'production',
  },
  logger,
).catch((error: Error) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});

console.log(`\n  Resona is running: ${stack.gatewayUrl}\n  Press Ctrl-C to stop.\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await stack.stop();
    process.exit(0);
  });
}
