#!/usr/bin/env node
// `npm run deploy`: build, apply migrations to the production D1, then deploy the Worker.
import { run } from './env.mjs';

await run('astro', ['build']);
await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote']);
await run('wrangler', ['deploy']);
