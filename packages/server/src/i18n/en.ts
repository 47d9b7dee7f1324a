/** English words of the hosted pages and error messages; every other locale has the same keys. */
export const en = {
  // Errors returned by the API and shown on pages.
  'error.invalid_request': 'The request is invalid: {detail}. Correct it and send it again.',
  'error.mfa_code_invalid':
    'That code is not valid. Enter the current 6-digit code from your authenticator app.',
  'error.mfa_code_used':
    'That code has already been used. Wait for your authenticator app to show a new code and enter it.',
  'error.mfa_locked':
    'Too many wrong codes. Multi-factor authentication is locked for this account. Try again in {minutes} minute(s).',
  'error.mfa_not_enrolled': 'This account has no authenticator yet. Add a device first.',
  'error.mfa_enrolment_expired':
    'This device setup has expired. Press "Add Device" and start again.',
  'error.mfa_last_authenticator_required':
    'MFA is required for this app, so the last device cannot be removed. Add another device first.',
  'error.invalid_api_key':
    'The API key is missing, revoked or invalid. Send a valid key as a Bearer token.',
  'error.invalid_access_token':
    'The access token is missing, expired or not issued for this user and app.',
  'error.unauthenticated': 'You are not signed in. Sign in and try again.',
  'error.csrf_invalid': 'The form or request has expired. Reload the page and try again.',
  'error.step_up_required': 'Confirm it is you: enter a current code from your authenticator app.',
  'error.not_found': 'The {thing} was not found. Check the id and try again.',
  'error.rate_limited': 'Too many requests. Wait {seconds} seconds and try again.',
  'error.email_taken': 'An account with this email already exists. Sign in instead.',
  'error.signup_closed': 'Sign-up is closed for this app. Ask its administrator for an account.',
  'error.password_too_short': 'Choose a password of at least {min} characters.',
  'error.password_too_long': 'Choose a password of at most {max} characters.',
  'error.password_invalid': 'The password is not correct. Enter your current password.',
  'error.invalid_credentials': 'The email or password is not correct. Check both and try again.',
  'error.sign_in_locked':
    'Too many failed sign-ins for this account. Try again in {minutes} minute(s).',
  'error.challenge_ended': 'Too many wrong codes or too much time passed. Sign in again.',
  'error.interaction_expired':
    'This sign-in page has expired. Go back to the app and sign in again.',
  'error.internal_error': 'Something went wrong on our side. Try again in a moment.',

  // Hosted login pages.
  'page.sign_in.title': 'Sign in to {app}',
  'page.sign_in.submit': 'Sign in',
  'page.sign_in.to_sign_up': 'No account yet? Create one',
  'page.sign_up.title': 'Create your {app} account',
  'page.sign_up.submit': 'Create account',
  'page.sign_up.to_sign_in': 'Already have an account? Sign in',
  'page.sign_up.password_hint': 'At least {min} characters.',
  'page.email': 'Email',
  'page.password': 'Password',
  'page.mfa.title': 'Enter your authentication code',
  'page.mfa.intro': 'Open your authenticator app and enter the 6-digit code shown for {app}.',
  'page.mfa.code': '6-digit code',
  'page.mfa.submit': 'Verify',
  'page.mfa.remember': 'Remember this device',
  'page.mfa.remember_hint':
    'Skip the code on this browser for {days} days. Do not use on a shared computer.',
  'page.mfa.remembered_note': 'This browser will be remembered for {days} days and skip this step.',
  'page.mfa.start_over': 'Sign in as someone else',
  'page.enrol.title': 'Set up your authenticator app',
  'page.enrol.intro':
    '{app} requires a second step at sign-in. Scan this QR code with an authenticator app (Google Authenticator, Authy, 1Password, ...), then enter the 6-digit code it shows.',
  'page.enrol.qr_alt': 'QR code that adds your {app} account to an authenticator app',
  'page.enrol.secret': 'Or type this key into the app:',
  'page.logout.title': 'Signing out',
  'page.logout.confirm': 'Do you want to sign out?',
  'page.logout.submit': 'Sign out',
  'page.logged_out.title': 'You are signed out',
  'page.logged_out.body': 'You can close this window.',
  'page.error.title': 'Sign-in could not continue',
  'page.error.back': 'Go back to the app and start again.',
} as const;

export type MessageKey = keyof typeof en;
