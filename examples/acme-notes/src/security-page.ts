import { html, type SafeHtml } from './html.js';
import { csrfField } from './pages.js';

export interface SecurityPageOptions {
  csrfToken: string;
  /** Authentication methods of the current sign-in, from the ID token's `amr` claim. */
  amr: string[];
  mfaEnabled: boolean;
  /** A pending enrolment: its QR code as a data URL and its secret for manual entry. */
  enrolment?: { qrCodeDataUrl: string; secret: string };
}

function codeField(): SafeHtml {
  return html`<label for="code">6-digit code</label>
    <input
      id="code"
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      pattern="[0-9]{6}"
      maxlength="6"
      required
    />`;
}

function enrolmentSteps(csrfToken: string, enrolment: { qrCodeDataUrl: string; secret: string }) {
  return html`<ol class="steps">
      <li>
        <p>Scan this QR code with your authenticator app.</p>
        <img
          class="qr-code"
          src="${enrolment.qrCodeDataUrl}"
          width="240"
          height="240"
          alt="QR code that adds Acme Notes to an authenticator app"
        />
      </li>
      <li>
        <p>Or type this key into the app:</p>
        <p><code class="secret" data-testid="totp-secret">${enrolment.secret}</code></p>
      </li>
      <li>
        <form method="post" action="/security/mfa/confirm" class="stack">
          ${csrfField(csrfToken)}
          <p>Enter the code the app shows.</p>
          ${codeField()}
          <button type="submit">Enable MFA</button>
        </form>
      </li>
    </ol>
    <form method="post" action="/security/mfa/cancel">
      ${csrfField(csrfToken)}
      <button type="submit" class="secondary">Cancel</button>
    </form>`;
}

function mfaSection(options: SecurityPageOptions): SafeHtml {
  if (options.mfaEnabled) {
    return html`<p class="status on">MFA is on. Each sign-in asks for a code.</p>
      <form method="post" action="/security/mfa/disable" class="stack">
        ${csrfField(options.csrfToken)}
        <p>To turn MFA off, enter a current code from your authenticator app.</p>
        ${codeField()}
        <button type="submit" class="danger">Disable MFA</button>
      </form>`;
  }
  if (options.enrolment) {
    return html`<p class="status off">MFA is off.</p>
      ${enrolmentSteps(options.csrfToken, options.enrolment)}`;
  }
  return html`<p class="status off">MFA is off. Add a device to ask for a code at each sign-in.</p>
    <form method="post" action="/security/mfa/start">
      ${csrfField(options.csrfToken)}
      <button type="submit">Add Device</button>
    </form>`;
}

export function securityPage(options: SecurityPageOptions): SafeHtml {
  const methods = options.amr.length > 0 ? options.amr.join(', ') : 'not stated';
  return html`<h1>Security</h1>
    <section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">This sign-in</h2>
      <p>Signed in with: <span data-testid="amr">${methods}</span></p>
    </section>
    <section aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">Multi-factor authentication</h2>
      ${mfaSection(options)}
    </section>`;
}
