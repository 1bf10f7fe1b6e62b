import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { formInput, readFormPost } from '#functions/http/form-post';

/** A body that fails the test if anyone reads it. */
function untouchable(): { stream: ReadableStream<Uint8Array>; read: () => boolean } {
  let pulled = false;
  // highWaterMark 0: the stream is only pulled when someone reads it.
  const stream = new ReadableStream<Uint8Array>(
    {
      pull() {
        pulled = true;
        throw new Error('the body was read');
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, read: () => pulled };
}

const post = (headers: Record<string, string>, body: BodyInit) =>
  new Request('https://voterdesk.example/en/lookup/result/', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
const status = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof HTTPException) return error.status;
    throw error;
  }
};

describe('readFormPost', () => {
  it('reads an urlencoded form into strings', async () => {
    const fields = await readFormPost(post({ 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }, 'country=BG&idNumber=7501+020018'));
    expect(Object.fromEntries(fields)).toEqual({ country: 'BG', idNumber: '7501 020018' });
  });

  it('turns dotted names into nested objects and repeated names into lists', () => {
    const fields = new URLSearchParams('ballots=ep&ballots=ns&address.street=Vitosha&address.block=12&consent=true&__proto__.x=1&a.constructor.b=2');
    expect(formInput(fields, ['ballots'])).toEqual({ ballots: ['ep', 'ns'], address: { street: 'Vitosha', block: '12' }, consent: 'true' });
    expect(formInput(new URLSearchParams('ballots=ep'), ['ballots'])).toEqual({ ballots: ['ep'] });
  });

  it('refuses other content types with 415 before reading the body', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/json']) {
      const body = untouchable();
      expect(await status(readFormPost(post({ 'content-type': type }, body.stream))), type).toBe(415);
      expect(body.read()).toBe(false);
    }
  });

  it('refuses a Content-Length over 16 KB with 413 before reading the body', async () => {
    const body = untouchable();
    expect(
      await status(readFormPost(post({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(16 * 1024 + 1) }, body.stream))),
    ).toBe(413);
    expect(body.read()).toBe(false);
  });

  it('stops reading a streamed body as soon as it passes 16 KB', async () => {
    let chunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        if (chunks > 100) throw new Error('kept reading past the limit');
        controller.enqueue(new TextEncoder().encode('x'.repeat(4096)));
      },
    });
    expect(await status(readFormPost(post({ 'content-type': 'application/x-www-form-urlencoded' }, stream)))).toBe(413);
    expect(chunks).toBeLessThanOrEqual(6);
  });
});
