import { type Locale, type MessageKey, translate } from '../i18n/index.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface PageContext {
  locale: Locale;
  appName: string;
}

function layout(context: PageContext, title: string, body: string, script?: string): string {
  const scriptTag = script ? `<script src="/assets/${script}" defer></script>` : '';
  return `<!doctype html>
<html lang="${context.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/hosted.css">
${scriptTag}
</head>
<body>
<main class="card">
<p class="brand">${escapeHtml(context.appName)}</p>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

function alert(message: string | undefined): string {
  return message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : '';
}

/** The code step's offer to remember the browser: a checkbox, a note, or nothing. */
export interface RememberOffer {
  mode: 'always' | 'userOptIn' | 'no';
  days: number;
}

function rememberFragment(locale: Locale, offer: RememberOffer | undefined): string {
  if (!offer || offer.mode === 'no') return '';
  if (offer.mode === 'always') {
    return `<p class="hint">${escapeHtml(translate(locale, 'page.mfa.remembered_note', { days: offer.days }))}</p>`;
  }
  return `<label class="checkbox"><input type="checkbox" name="remember" value="yes"> ${escapeHtml(translate(locale, 'page.mfa.remember'))}</label>
<p class="hint">${escapeHtml(translate(locale, 'page.mfa.remember_hint', { days: offer.days }))}</p>`;
}

export interface FormPageOptions extends PageContext {
  action: string;
  csrfToken: string;
  error?: string;
  email?: string;
}

export function renderSignIn(options: FormPageOptions & { signUpUrl?: string }): string {
  const t = (key: MessageKey, values?: Record<string, string | number>) =>
    translate(options.locale, key, values);
  const signUpLink = options.signUpUrl
    ? `<p class="aside"><a href="${escapeHtml(options.signUpUrl)}">${escapeHtml(t('page.sign_in.to_sign_up'))}</a></p>`
    : '';
  const body = `${alert(options.error)}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(options.csrfToken)}">
<label for="email">${escapeHtml(t('page.email'))}</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.email ?? '')}">
<label for="password">${escapeHtml(t('page.password'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${escapeHtml(t('page.sign_in.submit'))}</button>
</form>
${signUpLink}`;
  return layout(options, t('page.sign_in.title', { app: options.appName }), body);
}

export function renderSignUp(
  options: FormPageOptions & { signInUrl: string; minPasswordLength: number },
): string {
  const t = (key: MessageKey, values?: Record<string, string | number>) =>
    translate(options.locale, key, values);
  const body = `${alert(options.error)}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(options.csrfToken)}">
<label for="email">${escapeHtml(t('page.email'))}</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.email ?? '')}">
<label for="password">${escapeHtml(t('page.password'))}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="${options.minPasswordLength}" aria-describedby="password-hint">
<p id="password-hint" class="hint">${escapeHtml(t('page.sign_up.password_hint', { min: options.minPasswordLength }))}</p>
<button type="submit">${escapeHtml(t('page.sign_up.submit'))}</button>
</form>
<p class="aside"><a href="${escapeHtml(options.signInUrl)}">${escapeHtml(t('page.sign_up.to_sign_in'))}</a></p>`;
  return layout(options, t('page.sign_up.title', { app: options.appName }), body);
}

export interface CodeStepOptions extends FormPageOptions {
  startOverUrl: string;
  remember?: RememberOffer;
}

/** Renders the code form of the MFA step and of the enrolment step, with its remember offer. */
function codeForm(options: CodeStepOptions): string {
  const t = (key: MessageKey) => translate(options.locale, key);
  return `${alert(options.error)}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(options.csrfToken)}">
<label for="code">${escapeHtml(t('page.mfa.code'))}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="9" required autofocus>
${rememberFragment(options.locale, options.remember)}
<button type="submit">${escapeHtml(t('page.mfa.submit'))}</button>
</form>
<p class="aside"><a href="${escapeHtml(options.startOverUrl)}">${escapeHtml(t('page.mfa.start_over'))}</a></p>`;
}

export function renderMfaStep(options: CodeStepOptions): string {
  const intro = translate(options.locale, 'page.mfa.intro', { app: options.appName });
  const body = `<p>${escapeHtml(intro)}</p>\n${codeForm(options)}`;
  return layout(options, translate(options.locale, 'page.mfa.title'), body);
}

export function renderEnrolStep(
  options: CodeStepOptions & { qrCode: string; secret: string },
): string {
  const t = (key: MessageKey, values?: Record<string, string | number>) =>
    translate(options.locale, key, values);
  const body = `<p>${escapeHtml(t('page.enrol.intro', { app: options.appName }))}</p>
<img class="qr" src="${escapeHtml(options.qrCode)}" alt="${escapeHtml(t('page.enrol.qr_alt', { app: options.appName }))}" width="240" height="240">
<p>${escapeHtml(t('page.enrol.secret'))} <code class="secret" data-testid="totp-secret">${escapeHtml(options.secret)}</code></p>
${codeForm(options)}`;
  return layout(options, t('page.enrol.title'), body);
}

export function renderMessagePage(context: PageContext, title: string, message: string): string {
  return layout(context, title, `<p>${escapeHtml(message)}</p>`);
}

/**
 * Renders the RP-initiated logout confirmation around oidc-provider's form. With `autoSubmit`
 * (the app sent a valid id_token_hint) an external script submits it at once. Without it the
 * person presses the button, so another site cannot sign anyone out with a link.
 */
export function renderLogout(context: PageContext, form: string, autoSubmit: boolean): string {
  const t = (key: MessageKey) => translate(context.locale, key);
  const body = `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(t('page.logout.submit'))}</button>`;
  return layout(
    context,
    t(autoSubmit ? 'page.logout.title' : 'page.logout.confirm'),
    body,
    autoSubmit ? 'logout.js' : undefined,
  );
}
