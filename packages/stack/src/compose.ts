import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { REPO_ROOT } from '@resona/config';
import { SUBGRAPHS, schemaPathOf } from './subgraphs.js';

/** Where `pnpm compose` writes the supergraph, which is committed and checked by the tests. */
export const SUPERGRAPH_PATH = path.join(REPO_ROOT, 'schema', 'supergraph.graphql');
/** The API schema clients see (no federation internals, no `@inaccessible` fields); codegen reads it. */
export const API_SCHEMA_PATH = path.join(REPO_ROOT, 'schema', 'api.graphql');

/**
 * Composes the subgraphs' SDL files into the supergraph and its client-facing API schema.
 * Subgraph URLs are the default local ports; deployments override them per subgraph
 * (`IDENTITY_URL`, …) at the gateway.
 */
export function composeSupergraph(): { supergraphSdl: string; apiSchemaSdl: string } {
  const result = composeServices(
    SUBGRAPHS.map(({ module, port }) => ({
      name: module.name,
      url: `http://127.0.0.1:${port}/graphql`,
      typeDefs: parse(readFileSync(schemaPathOf(module.name), 'utf8')),
    })),
  );
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  const apiSchema = lexicographicSortSchema(result.schema!.toAPISchema().toGraphQLJSSchema());
  return { supergraphSdl: result.supergraphSdl!, apiSchemaSdl: `${printSchema(apiSchema)}\n` };
}
