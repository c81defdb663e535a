import { runStandalone } from '@resona/subgraph';
import { personalization } from './server.js';

await runStandalone(personalization);
