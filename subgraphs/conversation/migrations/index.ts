import { Migration20261125000001_init } from './Migration20261125000001_init.js';
import { Migration20261201000001_audit_log } from './Migration20261201000001_audit_log.js';
import { Migration20261210000001_turn } from './Migration20261210000001_turn.js';
import { Migration20261225000001_voice_and_review } from './Migration20261225000001_voice_and_review.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  { name: 'Migration20261125000001_init', class: Migration20261125000001_init },
  { name: 'Migration20261201000001_audit_log', class: Migration20261201000001_audit_log },
  { name: 'Migration20261210000001_turn', class: Migration20261210000001_turn },
  { name: 'Migration20261225000001_voice_and_review', class: Migration20261225000001_voice_and_review },
];
