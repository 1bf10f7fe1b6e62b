import { z } from 'zod';
import { COUNTRIES } from '#core/countries';
import { HELP_TOPICS, helpChannel } from '#core/elections/schema';
import { localizedText } from '#core/localized';

const slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes');

/** A district of an area (in a city divided into districts: an administrative district, район). */
export const areaDistrict = z
  .object({
    id: slug,
    name: localizedText,
    /** Its multi-member constituency (МИР) number, e.g. `23`, where a source gives it; unknown otherwise (never guessed). */
    constituency: z.string().regex(/^\d+$/).optional(),
  })
  .strict();
export type AreaDistrict = z.infer<typeof areaDistrict>;

/**
 * A video the municipality published to help people vote (e.g. for people with hearing or sight
 * difficulties), shown on the pages of the topics it serves.
 */
export const areaVideo = z
  .object({
    id: slug,
    /** The address as the source writes it. */
    value: z.string().min(1),
    href: z.string().regex(/^https:\/\//),
    /** What it is and whom it helps, in the source's words, in five languages (a link's text). */
    title: localizedText,
    for: z.array(z.enum(HELP_TOPICS)).min(1),
  })
  .strict();
export type AreaVideo = z.infer<typeof areaVideo>;

/**
 * A settlement (a city, town or village) of an area. The late mobile-box rule and the ten-application
 * threshold are counted per settlement, not per district: a city divided into districts is one
 * settlement.
 */
export const areaSettlement = z
  .object({
    id: slug,
    name: localizedText,
    /** The districts its territory lies in, where the data knows them; absent for a city that spans the area's districts. */
    districts: z.array(slug).min(1).optional(),
  })
  .strict();
export type AreaSettlement = z.infer<typeof areaSettlement>;

/**
 * Where mobile-box applications are taken and routes are planned: for Bulgaria a municipality,
 * with its districts. A data file in content/areas/<id>.json; an election names the areas where
 * it takes applications.
 */
export const areaSchema = z
  .object({
    id: slug,
    country: z.enum(COUNTRIES),
    /** The municipality's official name. */
    name: localizedText,
    /** How a sentence names the place: the city or town. */
    placeName: localizedText,
    /** Where the facts come from: a seed file, or a public fact named in words. */
    source: z.string().min(1),
    districts: z.array(areaDistrict).min(1),
    /** Its settlements the data knows, the main one (named by `placeName`) first: a form offers them, defaulting to the first. */
    settlements: z.array(areaSettlement).min(1),
    /** The municipality's own channels: phone with its hours, e-mail, portal. */
    help: z.array(helpChannel),
    /** The municipality's videos for voters, where a source names them. */
    videos: z.array(areaVideo).optional(),
    /** Who receives the route lists at the hand-over (the police directorate that plans the routes). */
    handover: z
      .object({
        recipient: localizedText,
        /** How a short sentence names the recipient, e.g. `СДВР`, `the police (СДВР)`. */
        short: localizedText,
      })
      .strict(),
  })
  .strict()
  .superRefine((area, context) => {
    const seen = new Set<string>();
    area.districts.forEach((district, index) => {
      if (seen.has(district.id)) context.addIssue({ code: 'custom', path: ['districts', index, 'id'], message: `district ${district.id} is listed twice` });
      seen.add(district.id);
    });
    const settlements = new Set<string>();
    area.settlements.forEach((settlement, index) => {
      if (settlements.has(settlement.id))
        context.addIssue({ code: 'custom', path: ['settlements', index, 'id'], message: `settlement ${settlement.id} is listed twice` });
      settlements.add(settlement.id);
      settlement.districts?.forEach((district, d) => {
        if (!seen.has(district)) context.addIssue({ code: 'custom', path: ['settlements', index, 'districts', d], message: `no district ${district}` });
      });
    });
  });
export type Area = z.infer<typeof areaSchema>;
