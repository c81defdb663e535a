import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from '@jest/globals';
import { REPO_ROOT } from '@resona/config';
import { API_SCHEMA_PATH, SUPERGRAPH_PATH, composeSupergraph } from '@resona/stack';

it('the committed supergraph and API schema are what the subgraphs compose to (run `pnpm compose`)', () => {
  const fresh = composeSupergraph();
  expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(fresh.supergraphSdl);
  expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(fresh.apiSchemaSdl);
});

it('generated resolver types and client documents are current (run `pnpm codegen`)', async () => {
  const run = promisify(execFile);
  const result = await run('node', ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.yml', '--check'], { cwd: REPO_ROOT }).then(
    () => ({ code: 0, output: '' }),
    (error: { stdout: string; stderr: string; code: number }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  );
  expect(result).toEqual({ code: 0, output: '' });
}, 120_000);
