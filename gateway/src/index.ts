import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, parseConfig, REPO_ROOT } from '@resona/config';
import { gatewayConfigSchema } from './config.js';
import { createGateway, loadSupergraph } from './server.js';

// `--supergraph <file or URL>` wins over the SUPERGRAPH setting.
const { values } = parseArgs({ options: { supergraph: { type: 'string' } } });
let config;
try {
  config = parseConfig(gatewayConfigSchema, values.supergraph ? { SUPERGRAPH: values.supergraph } : {});
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger('gateway', config.LOG_LEVEL);
const supergraph = await loadSupergraph(config.SUPERGRAPH ?? path.join(REPO_ROOT, 'schema', 'supergraph.graphql'));
const gateway = await createGateway(config, supergraph, logger);
const running = await gateway.listen(config.PORT);
logger.info({ url: running.url }, 'gateway listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await running.close();
    process.exit(0);
  });
}
