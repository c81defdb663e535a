import { startEmbeddedPostgres } from '@resona/db';
import { startSubgraph } from '@resona/subgraph';
import { identity } from '@resona/identity';
import { signInternalToken, importPrivateKey, pemFromConfig, anonymousPrincipal } from '@resona/auth';

const db = { url: process.argv[2]!, stop: async () => {} };
console.log(db.url);
const sg = await startSubgraph(identity, { DATABASE_URL: db.url, PORT: '0', DATA_DIR: '/tmp/smoke/data' });
const key = await importPrivateKey(pemFromConfig(undefined, { dataDir: '/tmp/smoke/data', name: 'internal-token', part: 'private' }));
const q = async (query: string, variables: any, principal: any) => {
  const token = await signInternalToken(key, principal);
  const r = await fetch(sg.running.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return [r.status, await r.text()];
};
const reg = await q('mutation($i: RegisterInput!){ register(input:$i){ accessToken user { id email } } }', { i: { email: `a${Date.now()}@b.co`, password: 'correct horse battery', displayName: 'Amani' } }, anonymousPrincipal());
console.log(reg);
const id = JSON.parse(reg[1] as string).data?.register?.user?.id;
console.log(await q('{ me { id email displayName } }', {}, { ...anonymousPrincipal(), kind: 'user', userId: id }));
console.log(await q('{ me { id email } }', {}, anonymousPrincipal()));
console.log(await q('query($r:[_Any!]!){ _entities(representations:$r){ ... on User { id email } } }', { r: [{ __typename: 'User', id }] }, { ...anonymousPrincipal(), kind: 'user', userId: id }));
console.log(await q('query($r:[_Any!]!){ _entities(representations:$r){ ... on User { id email } } }', { r: [{ __typename: 'User', id }] }, anonymousPrincipal()));
console.log(await q('{ _service { sdl } }', {}, anonymousPrincipal()).then(x => [x[0], String(x[1]).slice(0, 100)]));
console.log(await fetch(sg.running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }).then(r => r.text()));
await sg.stop(); await db.stop();
