import type { Logger } from '@resona/config';
import type { DemoWorld, StartedSubgraph } from '@resona/subgraph';
import { SUBGRAPHS } from './subgraphs.js';

/**
 * Loads the demo data set through each subgraph's own `seed` (identity first; each adds what the
 * next needs to the shared `DemoWorld`).
 * @returns false when `onlyWhenEmpty` is set and accounts already exist.
 */
export async function seedDemoWorld(subgraphs: Record<string, StartedSubgraph>, logger: Logger, options: { onlyWhenEmpty?: boolean } = {}): Promise<boolean> {
  const identity = subgraphs.identity!;
  const rows = await identity.orm.orm.em.fork().getConnection().execute<{ count: string }[]>('select count(*) from app_user');
  if (Number(rows[0]?.count) > 0) {
    if (options.onlyWhenEmpty) return false;
    throw new Error('The database already has accounts; the demo data is only loaded into an empty database.');
  }
  const world: DemoWorld = { clinics: [], users: [], messages: [] };
  for (const { module } of SUBGRAPHS) {
    const subgraph = subgraphs[module.name];
    if (subgraph && module.seed) await module.seed(subgraph.orm, world, subgraph.config);
  }
  logger.info({ clinics: world.clinics.length, users: world.users.length, messages: world.messages.length }, 'demo data loaded');
  return true;
}
