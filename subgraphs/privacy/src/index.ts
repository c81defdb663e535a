import { runStandalone } from '@resona/subgraph';
import { privacy } from './server.js';

await runStandalone(privacy);
