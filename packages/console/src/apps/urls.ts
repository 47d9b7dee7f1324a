export type UrlListResult = { kind: 'valid'; urls: string[] } | { kind: 'invalid'; value: string };

/**
 * Reads one URL per line, skipping blank lines and repeats. Any absolute URL passes, because
 * native apps register custom schemes such as `com.example.app:/callback`. The server applies its
 * own rules on top.
 */
export function parseUrlList(text: string): UrlListResult {
  const urls: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (value === '' || urls.includes(value)) {
      continue;
    }
    if (!isAbsoluteUrl(value)) {
      return { kind: 'invalid', value };
    }
    urls.push(value);
  }
  return { kind: 'valid', urls };
}

export function formatUrlList(urls: readonly string[]): string {
  return urls.join('\n');
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    // The URL constructor raises a TypeError for a relative or malformed URL.
    return false;
  }
}
