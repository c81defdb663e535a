import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, parse, printSchema, type DocumentNode } from 'graphql';
import { contractSubgraphs } from './contract.js';
import { REPO_ROOT } from '@resona/config';
import { SUBGRAPHS, schemaPathOf } from './subgraphs.js';

/** Where `pnpm compose` writes the supergraph, which is committed and checked by the tests. */
export const SUPERGRAPH_PATH = path.join(REPO_ROOT, 'schema', 'supergraph.graphql');
/** The API schema clients see (no federation internals, no `@inaccessible` fields); codegen reads it. */
export const API_SCHEMA_PATH = path.join(REPO_ROOT, 'schema', 'api.graphql');
/** The partner contract: same subgraphs, only what is tagged `partner` in its API schema. */
export const PARTNER_SUPERGRAPH_PATH = path.join(REPO_ROOT, 'schema', 'supergraph.partner.graphql');
export const PARTNER_API_SCHEMA_PATH = path.join(REPO_ROOT, 'schema', 'api.partner.graphql');

export interface Composed {
  supergraphSdl: string;
  apiSchemaSdl: string;
}

/**
 * Composes the subgraphs' SDL files into the supergraph and its client-facing API schema.
 * Subgraph URLs are the default local ports; deployments override them per subgraph
 * (`IDENTITY_URL`, …) at the gateway.
 */
export function composeSupergraph(): Composed {
  return compose(subgraphSdls().map(({ name, sdl }) => ({ name, typeDefs: parse(sdl) })));
}

/** The partner contract: every field not tagged `partner` made `@inaccessible` before composing. */
export function composePartnerSupergraph(): Composed {
  return compose(contractSubgraphs(subgraphSdls()));
}

function subgraphSdls() {
  return SUBGRAPHS.map(({ module }) => ({ name: module.name, sdl: readFileSync(schemaPathOf(module.name), 'utf8') }));
}

function compose(subgraphs: { name: string; typeDefs: DocumentNode }[]): Composed {
  const ports = new Map(SUBGRAPHS.map(({ module, port }) => [module.name, port]));
  const result = composeServices(subgraphs.map((s) => ({ ...s, url: `http://127.0.0.1:${ports.get(s.name)}/graphql` })));
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  const apiSchema = lexicographicSortSchema(result.schema!.toAPISchema().toGraphQLJSSchema());
  return { supergraphSdl: result.supergraphSdl!, apiSchemaSdl: `${printSchema(apiSchema)}\n` };
}
