import { createLogger, parseConfig } from '@resona/config';
import { stackConfigSchema } from './config.js';
import { seedDemoWorld } from './seed.js';
import { startStack } from './stack.js';

const config = parseConfig(stackConfigSchema);
const logger = createLogger('seed', config.LOG_LEVEL);
if (config.NODE_ENV === 'production') {
  logger.error('Refusing to load demo data with NODE_ENV=production.');
  process.exit(1);
}
// Starting the stack runs every migration first; the demo data then goes in through each subgraph.
const stack = await startStack({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, ports: 'random', logLevel: 'warn' }, logger);
try {
  await seedDemoWorld(stack.subgraphs, logger);
} catch (error) {
  logger.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await stack.stop();
}
