import type { AppsMessages } from './messages';

export const enApps: AppsMessages = {
  appsHeading: 'Apps',
  appsIntro: 'Each app has its own users, sign-in settings and API keys.',
  noApps: 'You have not registered any apps yet.',
  newApp: 'New app',
  columnClientId: 'Client ID',
  columnClientType: 'Client type',
  columnCreated: 'Created',
  clientTypeConfidential: 'Confidential',
  clientTypePublic: 'Public',
  appDeleted: (appName) => `“${appName}” has been deleted.`,

  newAppHeading: 'New app',
  appNameLabel: 'App name',
  appNameHint: 'Users see this name on the sign-in page.',
  appNameMissing: 'Enter a name for the app.',
  redirectUrisLabel: 'Callback URLs',
  redirectUrisHint:
    'One URL per line. After sign-in, Portcullis redirects users only to one of these URLs.',
  postLogoutRedirectUrisLabel: 'Post-logout redirect URLs',
  postLogoutRedirectUrisHint:
    'One URL per line. After sign-out, Portcullis redirects users only to one of these URLs.',
  urlInvalid: (value) =>
    `“${value}” is not a full URL. Enter URLs such as https://app.example.com/callback, one per line.`,
  clientTypeConfidentialHint: 'A server-side app that can keep a client secret.',
  clientTypePublicHint:
    'A browser or mobile app that cannot keep a secret. It signs in with PKCE and has no client secret.',
  signupLabel: 'Allow self sign-up',
  signupHint: 'People can create their own account on the app’s sign-in page.',
  createApp: 'Create app',
  appCreated: (appName) => `“${appName}” has been created.`,
  openApp: 'Open app',
  publicClientHasNoSecret: 'This app is a public client, so it has no client secret.',

  allApps: 'All apps',
  appFallbackHeading: 'App',
  appSections: 'App sections',
  tabOverview: 'Overview',
  tabClientSecret: 'Client secret',
  tabApiKeys: 'API keys',
  tabUsers: 'Users',
  tabAdvancedSettings: 'Advanced Settings',
  tabAuthentication: 'Authentication',

  signupTerm: 'Self sign-up',
  signupAllowed: 'Allowed',
  signupNotAllowed: 'Not allowed',
  noUrls: 'None',
  editApp: 'Edit app',
  saveChanges: 'Save changes',
  appSaved: 'Your changes have been saved.',
  appUrlsStepUpPrompt:
    'Changing where Portcullis redirects users after sign-in or sign-out is a sensitive change, ' +
    'so confirm that it is you to save it.',
  appChangesStepUpPrompt: 'This is a sensitive change, so confirm that it is you to save it.',
  deleteApp: 'Delete app',
  deleteAppIntro:
    'Deleting an app removes it with its users, API keys and settings, and its sign-in stops ' +
    'working. This cannot be undone.',
  confirmAppNameLabel: 'Type the app name to confirm',
  confirmAppNameHint: (appName) => `Type “${appName}” exactly as shown.`,
  confirmAppNameMismatch:
    'The name you typed does not match the app name. Type it exactly as shown.',

  clientSecretLabel: 'New client secret',
  copyClientSecret: 'Copy client secret',
  clientSecretIntro:
    'Portcullis stores only a hash of the client secret, so it cannot show the current one. If ' +
    'the secret is lost or leaked, regenerate it and update your app’s configuration.',
  regenerateClientSecret: 'Regenerate client secret',
  regeneratePrompt:
    'A new client secret replaces the current one, so your app cannot sign users in until its ' +
    'configuration has the new secret.',
  clientSecretRegenerated: 'A new client secret has been created.',

  apiKeysIntro:
    'Your app’s backend sends an API key with each call to the Auth API. Portcullis stores only ' +
    'a hash, so each key is shown once, when it is created.',
  noApiKeys: 'This app has no API keys yet.',
  columnKey: 'Key',
  apiKeyLabel: 'New API key',
  copyApiKey: 'Copy API key',
  createApiKey: 'Create API key',
  createApiKeyPrompt: 'The new key can call the Auth API for this app as soon as it is created.',
  apiKeyNameLabel: 'Key name',
  apiKeyNameHint: 'A name that says where the key is used, such as “Production backend”.',
  apiKeyNameMissing: 'Enter a name for the key.',
  apiKeyCreated: (keyName) => `API key “${keyName}” has been created.`,
  revoke: 'Revoke',
  revokeApiKey: 'Revoke API key',
  revokePrompt: (keyName) =>
    `Calls that use “${keyName}” fail once it is revoked. This cannot be undone.`,
  apiKeyRevoked: (keyName) => `API key “${keyName}” has been revoked.`,

  searchUsersLabel: 'Search users by email',
  search: 'Search',
  columnEmail: 'Email',
  columnMfa: 'MFA',
  columnDevices: 'Devices',
  mfaEnabledShort: 'On',
  mfaDisabledShort: 'Off',
  noDevicesShort: 'None',
  noUsers: 'This app has no users yet.',
  noUsersMatch: (query) => `No users match “${query}”.`,
  usersRange: (first, last, total) => `Showing users ${first}–${last} of ${total}.`,
  usersPageEmpty: 'This page has no users. Go back to an earlier page.',
  userPages: 'Pages of users',
  previousPage: 'Previous',
  nextPage: 'Next',

  backToUsers: 'Back to users',
  userFallbackHeading: 'User',
  userMfaHeading: 'Multi-factor authentication',
  userMfaOn: 'MFA is on for this user.',
  userMfaOff: 'MFA is off for this user.',
  userNoDevices: 'This user has no devices.',
  userTrustedDevicesIntro:
    'These browsers skip the MFA step when this user signs in to the app, until their trust ' +
    'expires.',
  userNoTrustedDevices: 'No browser is remembered for this user.',
  resetMfa: 'Reset MFA',
  resetMfaIntro:
    'Resetting MFA removes all of this user’s devices and ends all of their trusted devices. ' +
    'Use it when someone has lost their device.',
  mfaResetDone: (email) => `MFA has been reset for ${email}.`,
  deleteUser: 'Delete user',
  deleteUserIntro:
    'Deleting a user removes their account and devices from this app. This cannot be undone.',
  userDeleted: (email) => `${email} has been deleted.`,

  mfaPolicyLegend: 'MFA policy',
  mfaPolicyOptional: 'Optional',
  mfaPolicyOptionalHint: 'Users turn MFA on for themselves.',
  mfaPolicyRequired: 'Required',
  mfaPolicyRequiredHint: 'Users without an authenticator must add one at their next sign-in.',
  rememberModeLegend: 'Remember Trusted Devices',
  rememberAlways: 'Always Remember',
  rememberAlwaysHint:
    'A browser that passes the MFA step skips it at later sign-ins until its trust expires.',
  rememberUserOptIn: 'User Opt-in',
  rememberUserOptInHint:
    'The MFA step shows a “Remember this device” checkbox, and only browsers where it was ' +
    'checked skip the step later.',
  rememberNo: "Don't Remember",
  rememberNoHint:
    'Every sign-in asks for a code. Choosing this ends the trust of every remembered browser.',
  rememberDaysLabel: 'Days a device stays trusted',
  rememberDaysHint: 'A whole number from 1 to 365.',
  rememberDaysInvalid: 'Enter a whole number of days from 1 to 365.',
  save: 'Save',
  settingsSaved: 'The settings have been saved.',
  settingsStepUpPrompt:
    'Changing how users of this app sign in is a sensitive change, so confirm that it is you to ' +
    'save the settings.',
  confirmAndSave: 'Confirm and save',
};
