import { startEmbeddedPostgres } from '@resona/db';
const db = await startEmbeddedPostgres({ dataDir: '/tmp/smoke/data' });
console.log(db.url);
setInterval(() => {}, 100000);
