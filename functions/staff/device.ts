/**
 * The device a session was opened from, as staff recognise it in their list of sessions:
 * the browser and the system, read from User-Agent and nothing more (no version, no address);
 * undefined when neither is known. Product names, the same in every language.
 *
 * @example deviceLabel('Mozilla/5.0 (Linux; Android 14) … Chrome/131.0 Mobile Safari/537.36') // 'Chrome, Android'
 */
export function deviceLabel(userAgent: string | null | undefined): string | undefined {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : undefined;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : undefined;
  if (!browser && !system) return undefined;
  return [browser, system].filter(Boolean).join(', ');
}
