import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { validationError } from './errors';

/**
 * `zValidator` with our envelope: the first invalid field answers 422 with its name and a
 * localized reason. Handlers read the parsed value with `c.req.valid(target)`.
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
  });
