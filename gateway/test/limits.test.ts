import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { REPO_ROOT } from '@resona/config';
import { LIMITS, limitRules } from '../src/limits.js';

const schema = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema', 'api.graphql'), 'utf8'));
const check = (query: string) => validate(schema, parse(query, { maxTokens: LIMITS.maxTokens }), [...specifiedRules, ...limitRules()]).map((e) => e.message);

/** The deepest query a dashboard sends today passes every limit. */
const TYPICAL = `{ me { conversations(first: 5) { id messages(first: 50) { id text role createdAt emotion { emotion confidence scores { emotion score } } risk { level score signals { code weight } } } } } }`;

describe('GraphQL limits (one module, explicit numbers)', () => {
  it('accept the queries our clients send', () => {
    expect(check(TYPICAL)).toEqual([]);
  });

  it(`refuse depth over ${LIMITS.maxDepth}`, () => {
    let selection = 'id';
    for (let i = 0; i < 5; i++) selection = `messages { conversation { ${selection} } }`;
    expect(check(`{ me { conversations { ${selection} } } }`)).toEqual([expect.stringContaining('depth limit')]);
  });

  it(`refuse more than ${LIMITS.maxAliases} aliases`, () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(check(`{ ${aliases} }`)).toEqual([expect.stringContaining('Aliases limit')]);
  });

  it(`refuse more than ${LIMITS.maxDirectives} directives`, () => {
    const directives = Array.from({ length: LIMITS.maxDirectives + 1 }, () => '@skip(if: false)').join(' ');
    expect(check(`{ me { id ${directives} } }`).some((m) => m.includes('Directives limit'))).toBe(true);
  });

  it(`refuse cost over ${LIMITS.maxCost}`, () => {
    expect(check(`{ me { conversations(first: 100) { messages(first: 100) { id text emotion { emotion } } } } }`)).toEqual([
      expect.stringContaining('Cost limit'),
    ]);
  });

  it(`refuse more than ${LIMITS.maxTokens} tokens while parsing`, () => {
    expect(() => parse(`{ ${'__typename '.repeat(LIMITS.maxTokens)} }`, { maxTokens: LIMITS.maxTokens })).toThrow(/tokens/);
  });
});
