import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, PARTNER_API_SCHEMA_PATH, PARTNER_SUPERGRAPH_PATH, SUPERGRAPH_PATH, composePartnerSupergraph, composeSupergraph } from './compose.js';

try {
  const { supergraphSdl, apiSchemaSdl } = composeSupergraph();
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  writeFileSync(API_SCHEMA_PATH, apiSchemaSdl);
  const partner = composePartnerSupergraph();
  writeFileSync(PARTNER_SUPERGRAPH_PATH, partner.supergraphSdl);
  writeFileSync(PARTNER_API_SCHEMA_PATH, partner.apiSchemaSdl);
  console.log(`Wrote ${SUPERGRAPH_PATH}, ${API_SCHEMA_PATH}, ${PARTNER_SUPERGRAPH_PATH} and ${PARTNER_API_SCHEMA_PATH}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
