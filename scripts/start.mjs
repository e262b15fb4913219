// `npm start`: build what is missing or stale, then run the server from the bundle.
import { buildIfStale } from './build.mjs';

await buildIfStale();
process.argv.splice(2, 0, 'start');
await import('../dist/baton.js');
