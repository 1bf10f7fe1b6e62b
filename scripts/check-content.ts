// npm run check:content [-- <folder>]: validates every election (content/elections/*.json) and
// area (content/areas/*.json), as the build does, and says what it found. A bad file stops it
// with exit code 1, naming the file and the field. With a folder, checks that content folder
// instead (a copy holding a new campaign before it goes into content/).
import { resolve } from 'node:path';

const [folder] = process.argv.slice(2);
if (folder) process.env.CONTENT_DIR = resolve(folder);
try {
  // Imported only now: the registries read (and validate) the folder when they load.
  const { AREAS } = await import('#functions/elections/areas');
  const { ELECTIONS } = await import('#functions/elections/registry');
  const { campaignsOf } = await import('#functions/mobile-box/campaign');
  console.log(`${ELECTIONS.length} elections and ${AREAS.length} areas are valid.`);
  for (const election of ELECTIONS) {
    const campaigns = campaignsOf(election);
    const where = campaigns.map((campaign) => `${campaign.area.id} (${campaign.sections.length} mobile sections)`).join(', ');
    console.log(
      `  ${election.id}${election.votingDay ? `, voting day ${election.votingDay}` : ''}${where ? `: mobile box in ${where}; ballots ${election.mobileBox!.ballots.map((b) => `${b.id} (${b.form})`).join(', ')}` : ''}`,
    );
  }
} catch (caught) {
  console.error(caught instanceof Error ? caught.message : String(caught));
  process.exit(1);
}
