import { runStandalone } from '@resona/subgraph';
import { identity } from './server.js';

await runStandalone(identity);
