import { Migration20261125000001_init } from './Migration20261125000001_init.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [{ name: 'Migration20261125000001_init', class: Migration20261125000001_init }];
