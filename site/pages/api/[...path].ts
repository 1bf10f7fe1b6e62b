import type { APIRoute } from 'astro';
import { env } from 'cloudflare:workers';
import { app } from '../../../functions/app';

export const prerender = false;

/** Hands every /api/* request, with the Worker's bindings, to the Hono app. */
export const ALL: APIRoute = ({ request, locals }) =>
  app.fetch(request, env, locals.cfContext);
