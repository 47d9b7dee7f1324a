import type { AppsMessages } from './messages';

export const jaApps: AppsMessages = {
  appsHeading: 'アプリ',
  appsIntro: 'アプリごとに、ユーザー、サインイン設定、API キーを持ちます。',
  noApps: 'まだアプリを登録していません。',
  newApp: '新しいアプリ',
  columnClientId: 'クライアント ID',
  columnClientType: 'クライアントの種類',
  columnCreated: '作成日時',
  clientTypeConfidential: 'コンフィデンシャル',
  clientTypePublic: 'パブリック',
  appDeleted: (appName) => `「${appName}」を削除しました。`,

  newAppHeading: '新しいアプリ',
  appNameLabel: 'アプリ名',
  appNameHint: 'サインインページでユーザーに表示される名前です。',
  appNameMissing: 'アプリ名を入力してください。',
  redirectUrisLabel: 'コールバック URL',
  redirectUrisHint:
    '1行に1つの URL を入力します。サインイン後、Portcullis はこれらの URL にのみユーザーをリダイレクトします。',
  postLogoutRedirectUrisLabel: 'サインアウト後のリダイレクト URL',
  postLogoutRedirectUrisHint:
    '1行に1つの URL を入力します。サインアウト後、Portcullis はこれらの URL にのみユーザーをリダイレクトします。',
  urlInvalid: (value) =>
    `「${value}」は完全な URL ではありません。https://app.example.com/callback のような URL を1行に1つずつ入力してください。`,
  clientTypeConfidentialHint:
    'クライアントシークレットを安全に保管できる、サーバー側のアプリです。',
  clientTypePublicHint:
    'シークレットを保管できない、ブラウザーやモバイルのアプリです。PKCE でサインインし、クライアントシークレットはありません。',
  signupLabel: 'セルフサインアップを許可',
  signupHint: 'アプリのサインインページで、利用者が自分でアカウントを作成できます。',
  createApp: 'アプリを作成',
  appCreated: (appName) => `「${appName}」を作成しました。`,
  openApp: 'アプリを開く',
  publicClientHasNoSecret:
    'このアプリはパブリッククライアントのため、クライアントシークレットはありません。',

  allApps: 'すべてのアプリ',
  appFallbackHeading: 'アプリ',
  appSections: 'アプリのセクション',
  tabOverview: '概要',
  tabClientSecret: 'クライアントシークレット',
  tabApiKeys: 'API キー',
  tabUsers: 'ユーザー',
  tabAdvancedSettings: '詳細設定',
  tabAuthentication: '認証',

  signupTerm: 'セルフサインアップ',
  signupAllowed: '許可',
  signupNotAllowed: '許可しない',
  noUrls: 'なし',
  editApp: 'アプリを編集',
  saveChanges: '変更を保存',
  appSaved: '変更を保存しました。',
  appUrlsStepUpPrompt:
    'サインイン後とサインアウト後のリダイレクト先の変更は重要な変更のため、本人確認をしてから保存します。',
  appChangesStepUpPrompt: 'この変更は重要な変更のため、本人確認をしてから保存します。',
  deleteApp: 'アプリを削除',
  deleteAppIntro:
    'アプリを削除すると、そのユーザー、API キー、設定も削除され、サインインできなくなります。この操作は元に戻せません。',
  confirmAppNameLabel: '確認のためアプリ名を入力',
  confirmAppNameHint: (appName) => `「${appName}」を表示どおりに入力してください。`,
  confirmAppNameMismatch: '入力した名前がアプリ名と一致しません。表示どおりに入力してください。',

  clientSecretLabel: '新しいクライアントシークレット',
  copyClientSecret: 'クライアントシークレットをコピー',
  clientSecretIntro:
    'Portcullis はクライアントシークレットのハッシュだけを保存するため、現在のシークレットは表示できません。紛失または漏えいした場合は、再生成してアプリの設定を更新してください。',
  regenerateClientSecret: 'クライアントシークレットを再生成',
  regeneratePrompt:
    '新しいクライアントシークレットが現在のものを置き換えます。アプリの設定を新しいシークレットに更新するまで、アプリはユーザーをサインインさせられません。',
  clientSecretRegenerated: '新しいクライアントシークレットを作成しました。',

  apiKeysIntro:
    'アプリのバックエンドは、Auth API を呼び出すたびに API キーを送ります。Portcullis はハッシュだけを保存するため、キーは作成時に一度だけ表示されます。',
  noApiKeys: 'このアプリにはまだ API キーがありません。',
  columnKey: 'キー',
  apiKeyLabel: '新しい API キー',
  copyApiKey: 'API キーをコピー',
  createApiKey: 'API キーを作成',
  createApiKeyPrompt: '新しいキーは、作成した時点からこのアプリの Auth API を呼び出せます。',
  apiKeyNameLabel: 'キーの名前',
  apiKeyNameHint: '「本番バックエンド」など、キーの使用場所がわかる名前を付けてください。',
  apiKeyNameMissing: 'キーの名前を入力してください。',
  apiKeyCreated: (keyName) => `API キー「${keyName}」を作成しました。`,
  revoke: '無効化',
  revokeApiKey: 'API キーを無効化',
  revokePrompt: (keyName) =>
    `無効化すると、「${keyName}」を使う呼び出しは失敗します。この操作は元に戻せません。`,
  apiKeyRevoked: (keyName) => `API キー「${keyName}」を無効化しました。`,

  searchUsersLabel: 'メールアドレスでユーザーを検索',
  search: '検索',
  columnEmail: 'メールアドレス',
  columnMfa: '多要素認証',
  columnDevices: 'デバイス',
  mfaEnabledShort: '有効',
  mfaDisabledShort: '無効',
  noDevicesShort: 'なし',
  noUsers: 'このアプリにはまだユーザーがいません。',
  noUsersMatch: (query) => `「${query}」に一致するユーザーはいません。`,
  usersRange: (first, last, total) => `${total} 人中 ${first}〜${last} 人目を表示しています。`,
  usersPageEmpty: 'このページにはユーザーがいません。前のページに戻ってください。',
  userPages: 'ユーザー一覧のページ',
  previousPage: '前へ',
  nextPage: '次へ',

  backToUsers: 'ユーザー一覧に戻る',
  userFallbackHeading: 'ユーザー',
  userMfaHeading: '多要素認証',
  userMfaOn: 'このユーザーの多要素認証は有効です。',
  userMfaOff: 'このユーザーの多要素認証は無効です。',
  userNoDevices: 'このユーザーにはデバイスがありません。',
  userTrustedDevicesIntro:
    'これらのブラウザーは、信頼の期限が切れるまで、このユーザーがアプリにサインインするときに多要素認証の手順を省略します。',
  userNoTrustedDevices: 'このユーザーに記憶されているブラウザーはありません。',
  resetMfa: '多要素認証をリセット',
  resetMfaIntro:
    '多要素認証をリセットすると、このユーザーのデバイスがすべて削除され、信頼済みデバイスもすべて無効になります。デバイスを紛失した利用者のために使います。',
  mfaResetDone: (email) => `${email} の多要素認証をリセットしました。`,
  deleteUser: 'ユーザーを削除',
  deleteUserIntro:
    'ユーザーを削除すると、このアプリからそのアカウントとデバイスが削除されます。この操作は元に戻せません。',
  userDeleted: (email) => `${email} を削除しました。`,

  mfaPolicyLegend: '多要素認証ポリシー',
  mfaPolicyOptional: '任意',
  mfaPolicyOptionalHint: 'ユーザーが自分で多要素認証を有効にします。',
  mfaPolicyRequired: '必須',
  mfaPolicyRequiredHint:
    '認証アプリを登録していないユーザーは、次回のサインイン時に登録する必要があります。',
  rememberModeLegend: '信頼済みデバイスの記憶',
  rememberAlways: '常に記憶',
  rememberAlwaysHint:
    '多要素認証を通過したブラウザーは、信頼の期限が切れるまで、以後のサインインでこの手順を省略します。',
  rememberUserOptIn: 'ユーザーが選択',
  rememberUserOptInHint:
    '多要素認証の画面に「このデバイスを記憶する」チェックボックスが表示され、チェックしたブラウザーだけが以後この手順を省略します。',
  rememberNo: '記憶しない',
  rememberNoHint:
    'サインインのたびにコードを求めます。これを選ぶと、記憶済みのすべてのブラウザーの信頼が終了します。',
  rememberDaysLabel: 'デバイスを信頼する日数',
  rememberDaysHint: '1〜365 の整数です。',
  rememberDaysInvalid: '日数は 1〜365 の整数で入力してください。',
  save: '保存',
  settingsSaved: '設定を保存しました。',
  settingsStepUpPrompt:
    'このアプリのユーザーのサインイン方法の変更は重要な変更のため、本人確認をしてから設定を保存します。',
  confirmAndSave: '確認して保存',
};
