import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSchema } from '#core/areas/schema';
import { parseContentFile } from '#functions/elections/parse-content';
import { ELECTION_FILES, electionFrom } from '#functions/elections/registry';
import { isEditable, staffCampaign, staffCampaigns } from '#functions/staff/campaign';

const bg = JSON.parse(readFileSync('content/elections/bg-2024-06-09.json', 'utf8')) as {
  mobileBox: Record<string, unknown> & { ballots: Record<string, unknown>[]; areas: { area: string; sections: { district: string }[] }[] };
};
const sofia = JSON.parse(readFileSync('content/areas/bg-sofia.json', 'utf8')) as Record<string, unknown> & { districts: Record<string, unknown>[] };
const at = (sofiaTime: string) => new Date(`${sofiaTime}+03:00`);

describe('content/elections/*.json and content/areas/*.json', () => {
  it('every file in the folders is found, with no list of them in code', async () => {
    const { readdirSync } = await import('node:fs');
    expect([...ELECTION_FILES].sort()).toEqual(
      readdirSync('content/elections')
        .filter((name) => name.endsWith('.json'))
        .sort(),
    );
  });

  it('a bad file is refused naming the file and every wrong field', () => {
    const broken = {
      ...bg,
      id: 'bg-2024-06-09',
      mobileBox: {
        ...bg.mobileBox,
        ballots: [
          { ...bg.mobileBox.ballots[0], id: 'EP!' },
          { ...bg.mobileBox.ballots[1], form: '' },
        ],
      },
    };
    expect(() => electionFrom('bg-2024-06-09.json', broken)).toThrow(
      /^content\/elections\/bg-2024-06-09\.json: mobileBox\.ballots\.0\.id: lower-case letters, digits and dashes; mobileBox\.ballots\.1\.form: /,
    );
    expect(() => electionFrom('other.json', bg)).toThrow('content/elections/other.json: id: must match the file name (bg-2024-06-09)');
  });

  it('an election naming an area that does not exist, or a section in a district the area lacks or whose МИР it does not give, is refused', () => {
    const withArea = (areas: unknown) => ({ ...bg, mobileBox: { ...bg.mobileBox, areas } });
    expect(() => electionFrom('bg-2024-06-09.json', withArea([{ area: 'bg-atlantis', sections: [] }]))).toThrow(
      'content/elections/bg-2024-06-09.json: mobileBox.areas.0.area: no content/areas/bg-atlantis.json',
    );
    expect(() => electionFrom('bg-2024-06-09.json', withArea([{ area: 'bg-sofia', sections: [{ district: 'atlantis' }] }]))).toThrow(
      'mobileBox.areas.0.sections.0.district: bg-sofia has no district atlantis',
    );
    // Лозенец: the source gives no МИР, so it cannot hold a section until the data does.
    expect(() => electionFrom('bg-2024-06-09.json', withArea([{ area: 'bg-sofia', sections: [{ district: 'lozenets' }] }]))).toThrow(
      'mobileBox.areas.0.sections.0.district: bg-sofia gives no constituency (МИР) for lozenets',
    );
    expect(() =>
      electionFrom(
        'bg-2024-06-09.json',
        withArea([
          { area: 'bg-sofia', sections: [] },
          { area: 'bg-sofia', sections: [] },
        ]),
      ),
    ).toThrow('mobileBox.areas.1: bg-sofia is listed twice');
  });

  it('an election whose earliest date of receipt is not before its application deadline must give the day it was called', () => {
    type Deadline = { id: string; date: string };
    const data = bg as unknown as { deadlines: Deadline[]; calledOn?: string };
    // Only the mobile-box deadlines left: the first day the data names is the application deadline itself.
    const mobileOnly = {
      ...bg,
      actions: { 'mobile-box-request': 'mobile-box-request' },
      deadlines: data.deadlines.filter((d) => d.id === 'mobile-box-request'),
    };
    expect(() => electionFrom('bg-2024-06-09.json', mobileOnly)).toThrow(
      'content/elections/bg-2024-06-09.json: calledOn: give the day the election was called: the earliest date of receipt would be 2024-05-25, not before the application deadline 2024-05-25',
    );
    expect(electionFrom('bg-2024-06-09.json', { ...mobileOnly, calledOn: '2024-04-09' }).calledOn).toBe('2024-04-09');
  });

  it('an area lists each district once', () => {
    const twice = { ...sofia, districts: [...sofia.districts, sofia.districts[0]] };
    expect(() => parseContentFile('areas', 'bg-sofia.json', areaSchema, twice)).toThrow(
      'content/areas/bg-sofia.json: districts.24.id: district sredets is listed twice',
    );
  });
});

describe('the election the staff area shows (functions/staff/campaign.ts)', () => {
  const sofiaUser = { area: 'bg-sofia' };

  it('the elections of the account’s area; an account made before areas existed serves the only one there is', () => {
    expect(staffCampaigns(sofiaUser).map((campaign) => campaign.election.id)).toEqual(['bg-2024-06-09']);
    expect(staffCampaigns({ area: null }).map((campaign) => campaign.area.id)).toEqual(['bg-sofia']);
    expect(staffCampaigns({ area: 'bg-atlantis' })).toEqual([]);
  });

  it('shows the open one, else the most recent; an election not of the area is refused on `election`', () => {
    expect(staffCampaign(sofiaUser, undefined, at('2024-05-20T10:00:00')).election.id).toBe('bg-2024-06-09');
    expect(staffCampaign(sofiaUser, undefined, at('2026-12-06T10:00:00')).election.id).toBe('bg-2024-06-09');
    expect(() => staffCampaign(sofiaUser, 'kz-2026-referendum', at('2024-05-20T10:00:00'))).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('can be changed until the end of its route hand-over deadline (4 June 2024, Sofia time), read after', () => {
    const campaign = staffCampaign(sofiaUser, undefined, at('2024-05-20T10:00:00'));
    expect(isEditable(campaign, at('2024-06-04T23:59:59'))).toBe(true);
    expect(isEditable(campaign, at('2024-06-05T00:00:00'))).toBe(false);
  });
});
