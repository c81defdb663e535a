import { runStandalone } from '@resona/subgraph';
import { conversation } from './server.js';

await runStandalone(conversation);
