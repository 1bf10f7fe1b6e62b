#!/usr/bin/env node
// `npm start`: build the site, bring the local D1 up to date, load the demo data, staff
// accounts and applications, and serve everything with `wrangler dev` on http://127.0.0.1:8787
// (PORT overrides).
import { build } from './build';
import { run } from './env';
import { prepareLocalDatabase } from './local-db';

const port = process.env.PORT ?? '8787';
const host = '127.0.0.1';

await build();
await prepareLocalDatabase();
console.log(`\nVoter Desk is starting on http://${host}:${port}/ (Ctrl+C to stop)`);
console.log(`Staff area: http://${host}:${port}/bg/admin/ with a demo account above (passwords in .dev.vars)`);
console.log('The second step of a staff sign-in: `npm run totp -- --email mladost@demo.voter-desk.local` prints the current code\n');
await run('wrangler', ['dev', '--ip', host, '--port', port, '--show-interactive-dev-session=false']);
