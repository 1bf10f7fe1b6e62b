// Starts `wrangler dev` on a free 127.0.0.1 port and waits until /api/health answers.
// Used by the browser tests and the lookup benchmark.
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { offlineEnv } from './env';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface DevServerOptions {
  /** The local state folder (`wrangler dev --persist-to`). */
  persistTo: string;
  /** `--var NAME:value` for each entry. */
  vars?: Record<string, string>;
  logLevel?: 'debug' | 'info' | 'log' | 'warn' | 'error' | 'none';
}

export interface DevServer {
  baseUrl: string;
  stop: () => void;
}

export async function startDevServer({ persistTo, vars = {}, logLevel = 'warn' }: DevServerOptions): Promise<DevServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const varArgs = Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  let log = '';
  const server = spawn(
    'wrangler',
    [
      'dev',
      ...varArgs,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      '--log-level',
      logLevel,
    ],
    { env: { ...process.env, ...offlineEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log}`);
    if ((await fetch(`${baseUrl}/api/health`).catch(() => undefined))?.ok) return { baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stop();
  throw new Error(`wrangler dev did not answer /api/health in 90 s:\n${log}`);
}
