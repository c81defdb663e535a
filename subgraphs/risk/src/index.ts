import { runStandalone } from '@resona/subgraph';
import { risk } from './server.js';

await runStandalone(risk);
