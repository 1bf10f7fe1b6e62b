/** English strings for the mobile ballot box. Every other locale has exactly these keys. */
export const mobileBox = {
  'task.title': 'Ask for a mobile ballot box',
  'task.about': 'For voters with disabilities who cannot come to the polling station.',
} as const;
