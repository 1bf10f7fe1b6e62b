/** English strings for pages opened without a connection (the service worker's copies). Every other locale has exactly these keys. */
export const offline = {
  notice:
    'You are offline, or the connection did not answer. This is the copy of the page saved on this device when you last opened it, so it may be out of date.',
  'form.cannotSend': 'You are offline, so the application cannot be sent yet. What you type stays in this browser tab: send it once you are back online.',
  'form.draftLimit': {
    one: 'It is also deleted {count} hour after your last change.',
    other: 'It is also deleted {count} hours after your last change.',
  },
  'lookup.needsConnection': 'You are offline. Finding your polling station needs a connection: try again once you are back online.',
} as const;
