/**
 * A minimal browser stand-in for route tests: keeps cookies per name (one host), follows
 * redirects by hand, and reads the hidden CSRF field and form action of hosted pages.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  /** Every cookie value and redirect target seen, for tests that search logs for them. */
  readonly seenCookieValues = new Set<string>();
  readonly seenLocations: string[] = [];

  constructor(readonly baseUrl: string) {}

  private storeCookies(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) =>
        /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
      );
      if (expired || value === '') {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
        this.seenCookieValues.add(value);
      }
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.storeCookies(response);
    const location = response.headers.get('location');
    if (location) this.seenLocations.push(location);
    return response;
  }

  /** Requests a path and follows redirects on this host; returns the last response and its URL. */
  async follow(
    path: string,
    init: RequestInit = {},
  ): Promise<{ response: Response; url: string; body: string }> {
    let response = await this.request(path, init);
    let url = new URL(path, this.baseUrl).href;
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops += 1) {
      url = new URL(response.headers.get('location') as string, url).href;
      if (!url.startsWith(this.baseUrl)) break;
      response = await this.request(url);
    }
    return { response, url, body: await response.text() };
  }

  /** Posts a hosted page's form (urlencoded) with its CSRF token, then follows redirects. */
  async submitForm(pageHtml: string, fields: Record<string, string>) {
    const action = /<form method="post" action="([^"]+)"/.exec(pageHtml)?.[1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(pageHtml)?.[1];
    if (!action || !csrf)
      throw new Error(`The page has no form with a CSRF field:\n${pageHtml.slice(0, 400)}`);
    const body = new URLSearchParams({ _csrf: decodeHtml(csrf), ...fields });
    return this.follow(decodeHtml(action), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  /** Calls a console JSON API with the session's CSRF token. */
  async api(method: string, path: string, csrfToken: string, body?: unknown) {
    const response = await this.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }
}

function decodeHtml(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
