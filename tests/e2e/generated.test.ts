import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from '@jest/globals';
import { REPO_ROOT } from '@resona/config';
import { parse, Kind, type ConstDirectiveNode } from 'graphql';
import {
  API_SCHEMA_PATH,
  PARTNER_API_SCHEMA_PATH,
  PARTNER_SUPERGRAPH_PATH,
  SUBGRAPHS,
  SUPERGRAPH_PATH,
  composePartnerSupergraph,
  composeSupergraph,
  fieldsOf,
  schemaPathOf,
} from '@resona/stack';

it('the committed supergraph and API schema are what the subgraphs compose to (run `pnpm compose`)', () => {
  const fresh = composeSupergraph();
  expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(fresh.supergraphSdl);
  expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(fresh.apiSchemaSdl);
});

it('the committed partner contract is current, and nothing untagged is reachable in its API schema', () => {
  const fresh = composePartnerSupergraph();
  expect(readFileSync(PARTNER_SUPERGRAPH_PATH, 'utf8')).toBe(fresh.supergraphSdl);
  expect(readFileSync(PARTNER_API_SCHEMA_PATH, 'utf8')).toBe(fresh.apiSchemaSdl);
  const partnerTag = (directives: readonly ConstDirectiveNode[] | undefined) =>
    (directives ?? []).some((d) => d.name.value === 'tag' && d.arguments?.some((a) => a.value.kind === Kind.STRING && a.value.value === 'partner'));
  const tagged = new Set<string>();
  for (const { module } of SUBGRAPHS) {
    for (const definition of parse(readFileSync(schemaPathOf(module.name), 'utf8')).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      for (const field of definition.fields ?? []) {
        if (partnerTag(definition.directives) || partnerTag(field.directives)) tagged.add(`${definition.name.value}.${field.name.value}`);
      }
    }
  }
  const untagged = fieldsOf(fresh.apiSchemaSdl).filter((field) => !tagged.has(field));
  expect(untagged).toEqual([]);
  expect(fieldsOf(fresh.apiSchemaSdl)).not.toContain('Message.text');
});

it('generated resolver types and client documents are current (run `pnpm codegen`)', async () => {
  const run = promisify(execFile);
  const result = await run('node', ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.yml', '--check'], { cwd: REPO_ROOT }).then(
    () => ({ code: 0, output: '' }),
    (error: { stdout: string; stderr: string; code: number }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  );
  expect(result).toEqual({ code: 0, output: '' });
}, 120_000);
