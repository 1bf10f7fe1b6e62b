import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '#scripts/cli/command';
import { smsCommand } from '#scripts/cli/sms';
import { DEVELOPMENT_SMS_AUTH_TOKEN } from '#functions/sms/auth-token';
import { segmentCount } from '#functions/sms/segments';
import { twilio, twiml } from '#functions/sms/twilio';
import { TOOL_ENV } from './global-setup';

// `npm run sms` against a stand-in for the local server: it checks the signature with the
// Worker's own Twilio adapter and the token it was given, and answers TwiML as the Worker does.
const REPLY = 'Сиздин шайлоо участогуңуз:\nВаш избирательный участок:\n№1001, Бишкек, Чүй проспекти, 20';

let server: Server;
let base: string;
let token = DEVELOPMENT_SMS_AUTH_TOKEN;
const received: URLSearchParams[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', async () => {
      const fields = new URLSearchParams(body);
      const signature = request.headers['x-twilio-signature'];
      const signed = await twilio.verify({ url: `${base}${request.url}`, fields, signature: typeof signature === 'string' ? signature : undefined }, token);
      if (request.url !== '/api/sms/inbound' || !signed || request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
        response.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"code":"forbidden","message":"This request is not allowed."}}');
        return;
      }
      received.push(fields);
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(twiml(REPLY));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(smsCommand, args, {
    d1: () => {
      throw new Error('npm run sms uses no database');
    },
    env: { ...TOOL_ENV, ...env },
    stdin: async () => '',
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
  });
  return { status, stdout, stderr };
}

describe('npm run sms', () => {
  it('signs the message as the gateway does, and prints the reply with its length and segments', async () => {
    const result = await run(['21203198701310', '--url', base]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const count = segmentCount(REPLY);
    expect(result.stdout).toBe(`${REPLY}\n— ${count.units} UCS-2 characters, ${count.segments} segments\n`);
    const form = received.at(-1)!;
    expect(form.get('Body')).toBe('21203198701310');
    // A new invented sender each run (Twilio's test range), so a few tries in a row are not limited.
    expect(form.get('From')).toMatch(/^\+1500555\d{4}$/);
    expect(form.get('FromCountry')).toBeNull();
    expect(form.get('MessageSid')).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('--from names the sender, whose country the gateway form carries, as Twilio’s does', async () => {
    expect((await run(['ПИН 21203198701310', '--from', '+996555123456', '--url', base])).status).toBe(0);
    const form = received.at(-1)!;
    expect([form.get('From'), form.get('FromCountry'), form.get('Body')]).toEqual(['+996555123456', 'KG', 'ПИН 21203198701310']);
  });

  it('signs with SMS_AUTH_TOKEN when it is set, and says so when the server refuses the signature', async () => {
    token = '0123456789abcdef0123456789abcdef';
    try {
      expect((await run(['3603065804', '--url', base], { SMS_AUTH_TOKEN: token })).status).toBe(0);
      const refused = await run(['3603065804', '--url', base]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^403 Forbidden: \{"error":\{"code":"forbidden"/);
    } finally {
      token = DEVELOPMENT_SMS_AUTH_TOKEN;
    }
  });

  it('without a server, or without a text: says what to do and exits with an error', async () => {
    const closed = await run(['21203198701310', '--url', 'http://127.0.0.1:9']);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toContain('npm start');
    const usage = await run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: npm run sms -- "<text of the message>"/);
  });

  it('runs as `npm run sms` runs it (tsx), with PORT naming the local server', async () => {
    const port = new URL(base).port;
    const child = spawn('tsx', ['scripts/cli/sms.ts', '821216365528'], { env: { ...process.env, ...TOOL_ENV, PORT: port, SMS_AUTH_TOKEN: '' } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stdout).toContain('№1001, Бишкек');
    expect(received.at(-1)!.get('Body')).toBe('821216365528');
  });
});
