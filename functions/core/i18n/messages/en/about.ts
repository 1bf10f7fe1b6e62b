/** English strings for the accessibility statement (/<locale>/accessibility/). Every other locale has exactly these keys. */
export const about = {
  'footer.link': 'Accessibility statement',
  title: 'Accessibility statement',
  description: 'How accessible Voter Desk is: the standard we aim for, how we test it, what does not work well yet and how to tell us about a barrier.',
  intro:
    'This statement covers the whole of this website: the guides, the polling-station lookup, the mobile-ballot-box application, the API reference and the staff area of the district administrations. We want everyone to be able to use it, including people who use a screen reader, only a keyboard, screen magnification or an old phone on a slow network.',
  'standard.title': 'The standard we aim for',
  'standard.body': 'We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.',
  'standard.status':
    'The site partially meets this standard. Our automated browser tests pass, but no one has yet checked every WCAG success criterion by hand, and there has been no independent audit. The limits we know of are listed below.',
  'tested.title': 'How we test',
  'tested.intro': 'Our tests open the real pages in the Chromium browser and check:',
  'tested.axe':
    'the WCAG 2.0, 2.1 and 2.2 level A and AA rules of axe-core: on every guide in all five languages, on a phone screen 360 pixels wide and on a desktop screen; on every home page; on the lookup page and its answers; on each step of the mobile-ballot-box application and on its status page; on the API reference; on this statement; on the privacy notice in all five languages; and on every page of the staff area;',
  'tested.keyboard':
    'use with the keyboard alone: the mobile-ballot-box application is filled in, corrected from its error summary and sent with Tab, the arrow keys, Space and Enter only, and the focus must be visible at every stop; the link that skips to the main content is the first thing the keyboard reaches;',
  'tested.noJs':
    'use without JavaScript: the home pages, the guides, the lookup by personal number and by address, reporting a problem with a station, the whole mobile-ballot-box application and the whole staff area;',
  'tested.narrow':
    'no sideways scrolling on a screen 360 pixels wide, and none at 320 pixels, the width WCAG asks content to reflow to, on a sample of public pages and on every staff page;',
  'tested.dark': 'colour contrast in dark mode, on four pages in four languages;',
  'tested.language':
    'the language each home page, guide and this statement declares, and dates in Kyrgyz and Kazakh written with our own month names, so that no browser shows them in English or in a broken form.',
  'limits.title': 'What does not work well yet',
  'limits.javascript':
    'Some extras need JavaScript: the checkers in the guides (the guide text states the same rules), “{near}” in the lookup (search by personal number or by address instead), the search page (without JavaScript it lists every guide), remembering ticked checklist items, and updating the marks on key dates (without JavaScript they show the state on the day the page was built).',
  'limits.turnstile':
    'If the operator switches on Cloudflare Turnstile, a check that a person is sending the form, the lookup by personal number needs JavaScript and passes through Cloudflare’s challenge, which our tests do not cover. The form says so; the lookup by address does not use it.',
  'limits.print':
    'The printable mobile-ballot-box applications (forms 30-ЕП and 31-НС) and the staff route lists (A4 sheets and CSV files) are in Bulgarian only, because they go to Bulgarian authorities. Printed pages and downloaded files are not tested for accessibility.',
  'limits.staff': 'The staff area is available in all five languages, but our browser tests walk through it in Bulgarian only (and one page in English).',
  'limits.coverage':
    'The whole mobile-ballot-box application is tested in the browser in Bulgarian and English; in Russian, Kyrgyz and Kazakh only its texts are checked. Dark mode and the 320-pixel width are checked on a sample of pages, not on all of them.',
  'limits.manual':
    'No one has yet tested the site with a screen reader (such as NVDA, JAWS, VoiceOver or TalkBack), with voice control, or together with disabled people. Automated checks find only part of the barriers, so there may be problems we do not know about.',
  'limits.outside':
    'Map links open OpenStreetMap or your map app, calendar files open in your calendar app, and the official websites we link to belong to the election bodies: we do not control them and do not test them.',
  'report.title': 'Tell us about a barrier',
  'report.body':
    'If a part of this site is hard or impossible for you to use, write to us: say which page, what you tried to do and what you use (for example a screen reader, a keyboard or magnification). Do not send your personal number.',
  'report.contact': 'E-mail:',
  'report.noContact': 'This installation of Voter Desk has not named an address for these messages yet.',
  'report.station':
    'For a barrier at a polling station itself, or access information about it that is wrong, find the station with the lookup, open “{report}” under its answer and choose “{kind}”.',
  'report.commission':
    'For help with voting itself, contact your election commission: the guides give the official phone numbers and addresses that their sources name.',
  date: 'This statement was prepared on {date}. It describes the site and its tests as they were on that day.',
} as const;
