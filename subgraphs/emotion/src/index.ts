import { runStandalone } from '@resona/subgraph';
import { emotion } from './server.js';

await runStandalone(emotion);
