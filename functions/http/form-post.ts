import { HTTPException } from 'hono/http-exception';
import { MAX_BODY_BYTES, mediaType } from './api-middleware';

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Reads a body as text, refusing (413) as soon as it passes `max` bytes, so a huge body is never held whole. */
async function readText(request: Request, max: number): Promise<string> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new HTTPException(413);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The fields of a form posted without JavaScript. Only `application/x-www-form-urlencoded`
 * (what our forms send) is read: any other type is 415, and a body over 16 KB is 413 from its
 * Content-Length before a byte is read (or as soon as a streamed body passes the limit).
 * Both are thrown as HTTPException, which the form pages word like the API.
 */
export async function readFormPost(request: Request): Promise<URLSearchParams> {
  if (mediaType(request.headers.get('content-type')) !== FORM_TYPE) throw new HTTPException(415);
  const length = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(length) && length > MAX_BODY_BYTES) throw new HTTPException(413);
  return new URLSearchParams(await readText(request, MAX_BODY_BYTES));
}

/**
 * A form's fields as the input its schema expects: dotted names (`address.street`) become
 * nested objects, and the names in `lists` (checkbox groups) become arrays.
 *
 * @example formInput(new URLSearchParams('ballots=a&ballots=b&address.street=x'), ['ballots']) // { ballots: ['a', 'b'], address: { street: 'x' } }
 */
export function formInput(fields: URLSearchParams, lists: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of new Set(fields.keys())) {
    const path = name.split('.');
    if (path.some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    let target = input;
    for (const part of path.slice(0, -1)) {
      if (!(target[part] && typeof target[part] === 'object')) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[path.at(-1)!] = lists.includes(name) ? fields.getAll(name) : fields.get(name);
  }
  return input;
}
