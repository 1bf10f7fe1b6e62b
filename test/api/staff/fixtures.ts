import { env } from 'cloudflare:workers';
import { database } from '#db/client';
import { staffUsers } from '#db/schema';
import { hashPassword } from '#functions/staff/passwords';
import { api } from '#test/api/helpers';

export const PASSWORD = 'a long staff password';
let clients = 0;

/** A staff account straight in D1 (a cheap hash: these tests are about access, not cost). */
export async function account(
  email: string,
  options: { role?: 'district' | 'city' | 'police'; area?: string | null; district?: string; disabled?: boolean; iterations?: number } = {},
) {
  const stamp = new Date().toISOString();
  const role = options.role ?? 'district';
  await database(env.DB)
    .insert(staffUsers)
    .values({
      email,
      role,
      area: options.area === undefined ? 'bg-sofia' : options.area,
      district: role === 'district' ? (options.district ?? 'mladost') : null,
      passwordHash: await hashPassword(PASSWORD, options.iterations),
      disabledAt: options.disabled ? stamp : null,
      createdAt: stamp,
      updatedAt: stamp,
    });
}

export function login(email: string, password: string, client = `10.70.${Math.floor(++clients / 250)}.${clients % 250}`) {
  return api('/api/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': client },
    body: JSON.stringify({ email, password }),
  });
}

export const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

/** Signs in and returns what a client keeps: the cookie and the CSRF token. */
export async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await login(email, PASSWORD);
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status}`);
  return { cookie: cookieOf(response), csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}
