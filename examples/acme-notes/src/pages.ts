import { html, type SafeHtml } from './html.js';

// Server-rendered pages of Acme Notes. Every value passes through `html`, which escapes it, and
// no page has script: the Content-Security-Policy set in app.ts forbids it.

export interface SignedInHeader {
  email: string;
  csrfToken: string;
}

export interface LayoutOptions {
  title: string;
  signedIn?: SignedInHeader;
  /** A sentence about the result of the last action, announced to screen readers. */
  notice?: string;
  /** A sentence that explains what went wrong and what to do next. */
  error?: string;
  body: SafeHtml;
}

export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrfToken}" />`;
}

function header(signedIn: SignedInHeader | undefined): SafeHtml {
  if (signedIn === undefined) {
    return html`<header><a class="brand" href="/">Acme Notes</a></header>`;
  }
  return html`<header>
    <a class="brand" href="/">Acme Notes</a>
    <nav aria-label="Main">
      <a href="/">Notes</a>
      <a href="/security">Security</a>
    </nav>
    <form method="post" action="/logout" class="sign-out">
      ${csrfField(signedIn.csrfToken)}
      <span class="email">${signedIn.email}</span>
      <button type="submit">Sign out</button>
    </form>
  </header>`;
}

export function layout(options: LayoutOptions): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Acme Notes</title>
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        ${header(options.signedIn)}
        <main>
          ${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
          ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
          ${options.body}
        </main>
      </body>
    </html>`;
}

export function signedOutHome(): SafeHtml {
  return html`<h1>Acme Notes</h1>
    <p>Keep short notes, and protect them with a second step at sign-in.</p>
    <p class="actions">
      <a class="button" href="/login">Sign in</a>
      <a class="button secondary" href="/signup">Create account</a>
    </p>`;
}

export interface NoteView {
  text: string;
  createdAt: number;
}

function noteItem(note: NoteView): SafeHtml {
  const created = new Date(note.createdAt);
  return html`<li>
    <p>${note.text}</p>
    <time datetime="${created.toISOString()}">${created.toUTCString()}</time>
  </li>`;
}

export function notesPage(notes: NoteView[], csrfToken: string): SafeHtml {
  const list =
    notes.length === 0
      ? html`<p>No notes yet. Write the first one above.</p>`
      : html`<ul class="notes">
          ${notes.map(noteItem)}
        </ul>`;
  return html`<h1>Your notes</h1>
    <form method="post" action="/notes" class="stack">
      ${csrfField(csrfToken)}
      <label for="note-text">New note</label>
      <textarea id="note-text" name="text" rows="3" maxlength="1000" required></textarea>
      <button type="submit">Add note</button>
    </form>
    ${list}`;
}

export function messagePage(title: string, message: string): SafeHtml {
  return html`<h1>${title}</h1>
    <p>${message}</p>
    <p><a href="/">Back to Acme Notes</a></p>`;
}
