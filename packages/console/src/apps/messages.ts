// The words of the apps pages and of their users, part of each locale's catalogue in
// ../messages.ts. Browser tests find controls by these English names, and "Advanced Settings",
// "Authentication", "Always Remember", "User Opt-in" and "Don't Remember" keep their exact
// spelling and capitals.

export interface AppsMessages {
  appsHeading: string;
  appsIntro: string;
  noApps: string;
  newApp: string;
  columnClientId: string;
  columnClientType: string;
  columnCreated: string;
  clientTypeConfidential: string;
  clientTypePublic: string;
  appDeleted: (appName: string) => string;

  newAppHeading: string;
  appNameLabel: string;
  appNameHint: string;
  appNameMissing: string;
  redirectUrisLabel: string;
  redirectUrisHint: string;
  postLogoutRedirectUrisLabel: string;
  postLogoutRedirectUrisHint: string;
  urlInvalid: (value: string) => string;
  clientTypeConfidentialHint: string;
  clientTypePublicHint: string;
  signupLabel: string;
  signupHint: string;
  createApp: string;
  appCreated: (appName: string) => string;
  openApp: string;
  publicClientHasNoSecret: string;

  allApps: string;
  appFallbackHeading: string;
  appSections: string;
  tabOverview: string;
  tabClientSecret: string;
  tabApiKeys: string;
  tabUsers: string;
  tabAdvancedSettings: string;
  tabAuthentication: string;

  signupTerm: string;
  signupAllowed: string;
  signupNotAllowed: string;
  noUrls: string;
  editApp: string;
  saveChanges: string;
  appSaved: string;
  appUrlsStepUpPrompt: string;
  appChangesStepUpPrompt: string;
  deleteApp: string;
  deleteAppIntro: string;
  confirmAppNameLabel: string;
  confirmAppNameHint: (appName: string) => string;
  confirmAppNameMismatch: string;

  clientSecretLabel: string;
  copyClientSecret: string;
  clientSecretIntro: string;
  regenerateClientSecret: string;
  regeneratePrompt: string;
  clientSecretRegenerated: string;

  apiKeysIntro: string;
  noApiKeys: string;
  columnKey: string;
  apiKeyLabel: string;
  copyApiKey: string;
  createApiKey: string;
  createApiKeyPrompt: string;
  apiKeyNameLabel: string;
  apiKeyNameHint: string;
  apiKeyNameMissing: string;
  apiKeyCreated: (keyName: string) => string;
  revoke: string;
  revokeApiKey: string;
  revokePrompt: (keyName: string) => string;
  apiKeyRevoked: (keyName: string) => string;

  searchUsersLabel: string;
  search: string;
  columnEmail: string;
  columnMfa: string;
  columnDevices: string;
  mfaEnabledShort: string;
  mfaDisabledShort: string;
  noDevicesShort: string;
  noUsers: string;
  noUsersMatch: (query: string) => string;
  usersRange: (first: number, last: number, total: number) => string;
  usersPageEmpty: string;
  userPages: string;
  previousPage: string;
  nextPage: string;

  backToUsers: string;
  userFallbackHeading: string;
  userMfaHeading: string;
  userMfaOn: string;
  userMfaOff: string;
  userNoDevices: string;
  userTrustedDevicesIntro: string;
  userNoTrustedDevices: string;
  resetMfa: string;
  resetMfaIntro: string;
  mfaResetDone: (email: string) => string;
  deleteUser: string;
  deleteUserIntro: string;
  userDeleted: (email: string) => string;

  mfaPolicyLegend: string;
  mfaPolicyOptional: string;
  mfaPolicyOptionalHint: string;
  mfaPolicyRequired: string;
  mfaPolicyRequiredHint: string;
  rememberModeLegend: string;
  rememberAlways: string;
  rememberAlwaysHint: string;
  rememberUserOptIn: string;
  rememberUserOptInHint: string;
  rememberNo: string;
  rememberNoHint: string;
  rememberDaysLabel: string;
  rememberDaysHint: string;
  rememberDaysInvalid: string;
  save: string;
  settingsSaved: string;
  settingsStepUpPrompt: string;
  confirmAndSave: string;
}
