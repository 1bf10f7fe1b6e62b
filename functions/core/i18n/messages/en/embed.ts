/** English strings for the embeddable lookup (the page another site frames). Every other locale has exactly these keys. */
export const embed = {
  description: 'Find your polling station by personal number or by address: the Voter Desk lookup, shown on this site.',
  fullLookup: 'Open the full lookup on Voter Desk (opens in a new tab)',
  newTab: '(opens in a new tab)',
  about: 'This search is run by Voter Desk, an independent help service for voters, not by an election authority.',
} as const;
