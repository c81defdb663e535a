import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, parseConfig, REPO_ROOT, serveUntilStopped } from '@resona/config';
import { gatewayConfigSchema } from './config.js';
import { createGateway, loadSupergraph } from './server.js';

// `--supergraph` and `--partner-supergraph` (file or URL) win over the SUPERGRAPH settings.
const { values } = parseArgs({ options: { supergraph: { type: 'string' }, 'partner-supergraph': { type: 'string' } } });
let config;
try {
  config = parseConfig(gatewayConfigSchema, {
    ...(values.supergraph ? { SUPERGRAPH: values.supergraph } : {}),
    ...(values['partner-supergraph'] ? { PARTNER_SUPERGRAPH: values['partner-supergraph'] } : {}),
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger('gateway', config.LOG_LEVEL);
const supergraphs = {
  public: await loadSupergraph(config.SUPERGRAPH ?? path.join(REPO_ROOT, 'schema', 'supergraph.graphql')),
  partner: await loadSupergraph(config.PARTNER_SUPERGRAPH ?? path.join(REPO_ROOT, 'schema', 'supergraph.partner.graphql')),
};
const gateway = await createGateway(config, supergraphs, logger);
const running = await gateway.listen(config.PORT);
logger.info({ url: running.url }, 'gateway listening');
serveUntilStopped(running.url, () => running.close());
