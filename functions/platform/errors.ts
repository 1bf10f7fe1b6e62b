import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { t, type MessageKey } from '../../site/i18n';
import type { AppEnv } from '../env';

/** Stable error codes of the API; each has its words in the dictionaries as `error.<code>`. */
export type ErrorCode = 'not_found' | 'internal' | 'db_unavailable' | 'invalid_input';

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** An error a handler throws to answer with the shared envelope. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly field?: string,
    readonly messageKey: MessageKey = `error.${code}`,
  ) {
    super(code);
  }
}

/** The one JSON error envelope, worded in the request's locale. */
export function errorResponse(c: Context<AppEnv>, error: ApiError) {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: t(c.get('locale'), error.messageKey),
      ...(error.field ? { field: error.field } : {}),
    },
  };
  return c.json(body, error.status);
}
