#!/usr/bin/env node
// `npm run deploy`: build, apply migrations to the production D1, then deploy the Worker.
import { build } from './build';
import { run } from './env';

await build();
await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote']);
await run('wrangler', ['deploy']);
