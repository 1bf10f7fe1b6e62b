import { z } from 'zod';

export const loginRequest = z
  .object({
    email: z.email().max(254).meta({ example: 'mladost@example.org' }),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'StaffLogin' });

export const staffUser = z
  .object({
    email: z.string(),
    role: z.enum(['district', 'city', 'police']),
    district: z.string().nullable(),
  })
  .meta({ id: 'StaffUser' });

export const loginAnswer = z
  .object({
    csrfToken: z.string().meta({ description: 'Send it as `X-CSRF-Token` with every change.' }),
    user: staffUser,
  })
  .meta({ id: 'StaffSession' });
