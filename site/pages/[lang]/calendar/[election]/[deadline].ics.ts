import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { deadlineIcs } from '#core/elections/ics';
import { ELECTIONS } from '#functions/elections/registry';
import type { Deadline, Election } from '#core/elections/schema';
import type { Locale } from '#core/i18n';
import { LOCALES } from '#core/i18n';
import { timelineEntries } from '#core/elections/timeline';
import { guideParts, guideUrl } from '#site/guides';

/** One .ics file per locale, election and dated entry (voting day included). */
export const getStaticPaths = (async () => {
  const guides = await getCollection('guides');
  return LOCALES.flatMap((lang) =>
    ELECTIONS.flatMap((election) => {
      const guide = guides.find((g) => g.data.election === election.id && guideParts(g).locale === lang);
      const page = guide ? guideUrl(guide) : `/${lang}/guides/`;
      return timelineEntries(election).map((deadline) => ({
        params: { lang, election: election.id, deadline: deadline.id },
        props: { election, deadline, page },
      }));
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const { election, deadline, page } = props as { election: Election; deadline: Deadline; page: string };
  const url = new URL(page, site ?? 'https://voterdesk.example').href;
  return new Response(deadlineIcs(election, deadline, params.lang as Locale, new Date(), url), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
