import { KeyUnusable, type KeyProblem } from '#core/errors';
import { DEVELOPMENT_KEY_PREFIX, isLocalDevelopment } from '#functions/platform/keys';

/**
 * The gateway's auth token, which signs every inbound message (`SMS_AUTH_TOKEN`, a Worker
 * secret). It is the gateway's own secret, not one of ours: a Twilio Auth Token is 32 hex
 * characters, so the 32-byte rule of LOOKUP_KEY and DATA_KEY does not apply.
 */

/** What `npm start` writes into .dev.vars, and what local development uses when none is set; production refuses it. */
export const DEVELOPMENT_SMS_AUTH_TOKEN = `${DEVELOPMENT_KEY_PREFIX}sms-auth-token-for-local-development-only`;
/** Shorter than any gateway's token we know (Twilio's: 32 characters). */
const MIN_TOKEN_LENGTH = 16;

function problemOf(token: string | undefined): KeyProblem | undefined {
  if (!token) return 'missing';
  if (token.startsWith(DEVELOPMENT_KEY_PREFIX)) return 'development_key';
  if (token.length < MIN_TOKEN_LENGTH) return 'too_short';
  return undefined;
}

const logged = new Set<string>();

/**
 * The token to check signatures with. Outside local development a missing, short or development
 * token fails closed: KeyUnusable, answered 503 `misconfigured` before anything is read or looked
 * up, and logged once per isolate by name and reason. Local development without one uses the
 * development token that `npm run sms` signs with.
 */
export function smsAuthToken(env: { SMS_AUTH_TOKEN?: string | undefined; ENVIRONMENT?: string | undefined }): string {
  if (isLocalDevelopment(env)) return env.SMS_AUTH_TOKEN || DEVELOPMENT_SMS_AUTH_TOKEN;
  const problem = problemOf(env.SMS_AUTH_TOKEN);
  if (!problem) return env.SMS_AUTH_TOKEN!;
  const line = `configuration: SMS_AUTH_TOKEN is ${problem.replace('_', ' ')}; set it with \`wrangler secret put SMS_AUTH_TOKEN\` (the SMS gateway's auth token)`;
  if (!logged.has(line)) {
    logged.add(line);
    console.error(line);
  }
  throw new KeyUnusable('SMS_AUTH_TOKEN', problem);
}
