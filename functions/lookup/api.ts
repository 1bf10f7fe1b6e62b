import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { clientKey } from '../platform/rate-limit';
import { validate } from '../platform/validate';
import { lookupByAddress, lookupByPersonalNumber, nearbyStations, reportProblem, resolveElection, stationDetails } from './lookup';
import { placeKey } from './normalize';
import { addressQuery, lookupRequest, nearQuery, reportRequest, stationIdParam, suggestionQuery } from './schemas';
import { settlementSuggestions, streetSuggestions } from './stations';
import { database } from '../../db/client';

/** POST /api/lookup: the station for a personal number (sent only in the body, never the URL). */
export const lookupApi = new Hono<AppEnv>().post('/', validate('json', lookupRequest), async (c) => {
  const input = c.req.valid('json');
  const station = await lookupByPersonalNumber(c.env, input, clientKey(c.req.raw.headers));
  c.header('Cache-Control', 'no-store');
  return c.json({ station });
});

/** Stations by address, by position and by id; suggestions; problem reports. */
export const stationsApi = new Hono<AppEnv>()
  .get('/', validate('query', addressQuery), async (c) => c.json(await lookupByAddress(c.env, c.req.valid('query'))))
  .get('/near', validate('query', nearQuery), async (c) => c.json({ stations: await nearbyStations(c.env, c.req.valid('query')) }))
  .get('/settlements', validate('query', suggestionQuery), async (c) => {
    const query = c.req.valid('query');
    const election = resolveElection(query.country, query.election);
    const settlements = await settlementSuggestions(database(c.env.DB), { country: query.country, electionId: election.id, prefixKey: placeKey(query.q) });
    return c.json({ settlements });
  })
  .get('/streets', validate('query', suggestionQuery), async (c) => {
    const query = c.req.valid('query');
    const election = resolveElection(query.country, query.election);
    const streets = query.settlement
      ? await streetSuggestions(database(c.env.DB), { country: query.country, electionId: election.id, settlementKey: placeKey(query.settlement), partKey: placeKey(query.q) })
      : [];
    return c.json({ streets });
  })
  .get('/:id', validate('param', stationIdParam), async (c) => c.json({ station: await stationDetails(c.env, c.req.valid('param').id) }))
  .post('/:id/reports', validate('param', stationIdParam), validate('json', reportRequest), async (c) => {
    const report = await reportProblem(c.env, c.req.valid('param').id, c.req.valid('json'), c.get('locale'), clientKey(c.req.raw.headers));
    return c.json({ report }, 201);
  });
