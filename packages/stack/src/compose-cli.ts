import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, SUPERGRAPH_PATH, composeSupergraph } from './compose.js';

try {
  const { supergraphSdl, apiSchemaSdl } = composeSupergraph();
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  writeFileSync(API_SCHEMA_PATH, apiSchemaSdl);
  console.log(`Wrote ${SUPERGRAPH_PATH} and ${API_SCHEMA_PATH}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
