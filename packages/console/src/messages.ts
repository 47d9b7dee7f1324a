// The words the console shows, one catalogue per locale. Screenshots in the docs follow the
// English labels "Multi-factor Authentication Setting", "Add Device", "Show QR Code" and
// "Certification", so those keep their exact spelling and capitals. The words of the apps pages
// are kept in apps/messages.*.ts and merged into each catalogue here.

import type { AppsMessages } from './apps/messages';
import { enApps } from './apps/messages.en';
import { jaApps } from './apps/messages.ja';

export type Locale = 'en' | 'ja';

export interface Messages extends AppsMessages {
  productName: string;
  documentTitle: string;
  loading: string;
  retry: string;
  cancel: string;
  listSeparator: string;
  networkError: string;
  unexpectedResponse: string;

  signedOutIntro: string;
  sessionEnded: string;
  signIn: string;
  createAccount: string;
  accountMenu: string;
  signOut: string;

  homeHeading: string;
  homeSignedInAs: (email: string) => string;
  accountSecurityHeading: string;
  homeMfaHint: string;
  notFoundHeading: string;
  notFoundBody: string;
  goHome: string;

  mfaSetting: string;
  mfaOn: string;
  mfaOff: string;
  devicesHeading: string;
  noDevices: string;
  columnName: string;
  columnAdded: string;
  columnLastUsed: string;
  columnActions: string;
  neverUsed: string;
  remove: string;
  removePrompt: (deviceName: string) => string;
  removeLastDeviceWarning: string;
  removeDevice: string;
  deviceRemoved: (deviceName: string) => string;

  trustedDevicesHeading: string;
  trustedDevicesIntro: string;
  noTrustedDevices: string;
  columnBrowser: string;
  columnFirstUsed: string;
  columnExpires: string;
  forget: string;
  trustedDeviceForgotten: (description: string) => string;
  forgetAll: string;
  forgetAllPrompt: (count: number) => string;
  forgetAllConfirm: string;
  allTrustedDevicesForgotten: string;

  codeLabel: string;
  codeFormatInvalid: string;

  addDevice: string;
  deviceNameLabel: string;
  deviceNameHint: string;
  deviceNameMissing: string;
  addDeviceStepUpHint: string;
  showQrCode: string;
  scanInstructions: string;
  qrCodeAlt: string;
  setupKeyIntro: string;
  copySetupKey: string;
  setupKeyCopied: string;
  setupKeyCopyFailed: string;
  certification: string;
  deviceAdded: (deviceName: string) => string;

  stepUpCodeLabel: string;
  stepUpCodeHint: string;
  stepUpPasswordLabel: string;
  stepUpPasswordHint: string;
  stepUpPasswordMissing: string;

  secretShownOnce: string;
  secretCopied: string;
  secretCopyFailed: string;
  secretDone: string;
}

export const en: Messages = {
  ...enApps,
  productName: 'Portcullis',
  documentTitle: 'Portcullis console',
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  listSeparator: ', ',
  networkError: 'The server could not be reached. Check your connection and try again.',
  unexpectedResponse: 'The server sent an unexpected response. Reload the page and try again.',

  signedOutIntro: 'Sign in to manage multi-factor authentication for your account.',
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  signIn: 'Sign in',
  createAccount: 'Create account',
  accountMenu: 'Account',
  signOut: 'Sign out',

  homeHeading: 'Welcome to Portcullis',
  homeSignedInAs: (email) => `You are signed in as ${email}.`,
  accountSecurityHeading: 'Your account',
  homeMfaHint: 'Protect your console account with a 6-digit code from an authenticator app.',
  notFoundHeading: 'Page not found',
  notFoundBody: 'The console has no page at this address.',
  goHome: 'Go to the home page',

  mfaSetting: 'Multi-factor Authentication Setting',
  mfaOn: 'MFA is on. Signing in asks for a 6-digit code from one of your devices.',
  mfaOff: 'MFA is off. Add a device to turn it on.',
  devicesHeading: 'Devices',
  noDevices: 'No devices have been added yet.',
  columnName: 'Name',
  columnAdded: 'Added',
  columnLastUsed: 'Last used',
  columnActions: 'Actions',
  neverUsed: 'Never',
  remove: 'Remove',
  removePrompt: (deviceName) =>
    `To remove “${deviceName}”, enter a current 6-digit code from any of your devices.`,
  removeLastDeviceWarning: 'This is your only device, so removing it turns MFA off.',
  removeDevice: 'Remove device',
  deviceRemoved: (deviceName) => `“${deviceName}” has been removed.`,

  trustedDevicesHeading: 'Trusted devices',
  trustedDevicesIntro:
    'These browsers skip the 6-digit code when you sign in to the console, until their trust ' +
    'expires. Forget any browser that you no longer use or do not recognise.',
  noTrustedDevices: 'No browser is remembered for your account.',
  columnBrowser: 'Browser',
  columnFirstUsed: 'First used',
  columnExpires: 'Expires',
  forget: 'Forget',
  trustedDeviceForgotten: (description) =>
    `“${description}” has been forgotten, so its next sign-in asks for a code.`,
  forgetAll: 'Forget all',
  forgetAllPrompt: (count) =>
    count === 1
      ? 'Forget the trusted device? Its next sign-in will ask for a 6-digit code.'
      : `Forget all ${count} trusted devices? Each of them will ask for a 6-digit code at its ` +
        'next sign-in.',
  forgetAllConfirm: 'Forget all trusted devices',
  allTrustedDevicesForgotten: 'All trusted devices have been forgotten.',

  codeLabel: '6-digit code',
  codeFormatInvalid: 'Enter the 6 digits that your authenticator app shows.',

  addDevice: 'Add Device',
  deviceNameLabel: 'Device name',
  deviceNameHint: 'A name that tells your devices apart, such as “Work phone”.',
  deviceNameMissing: 'Enter a name for the device.',
  addDeviceStepUpHint:
    'Because MFA is on, enter the code shown now on a device you already have, not on the new one.',
  showQrCode: 'Show QR Code',
  scanInstructions:
    'Scan this QR code with your authenticator app, then enter the 6-digit code that it shows.',
  qrCodeAlt: 'QR code that adds your Portcullis account to an authenticator app',
  setupKeyIntro: 'If you cannot scan the QR code, enter this setup key in the app instead.',
  copySetupKey: 'Copy setup key',
  setupKeyCopied: 'The setup key has been copied.',
  setupKeyCopyFailed: 'The setup key could not be copied. Select it and copy it by hand.',
  certification: 'Certification',
  deviceAdded: (deviceName) => `“${deviceName}” has been added.`,

  stepUpCodeLabel: 'Current 6-digit code',
  stepUpCodeHint: 'Enter the code that one of your devices shows now.',
  stepUpPasswordLabel: 'Your password',
  stepUpPasswordHint:
    'Your account has no MFA device yet, so confirm this change with your password.',
  stepUpPasswordMissing: 'Enter your password.',

  secretShownOnce: 'Copy it now and keep it somewhere safe. It is not shown again.',
  secretCopied: 'Copied to the clipboard.',
  secretCopyFailed: 'Copying failed. Select the text and copy it by hand.',
  secretDone: 'Done',
};

export const ja: Messages = {
  ...jaApps,
  productName: 'Portcullis',
  documentTitle: 'Portcullis コンソール',
  loading: '読み込み中…',
  retry: '再試行',
  cancel: 'キャンセル',
  listSeparator: '、',
  networkError: 'サーバーに接続できませんでした。接続を確認してから、もう一度お試しください。',
  unexpectedResponse:
    'サーバーから予期しない応答がありました。ページを再読み込みしてから、もう一度お試しください。',

  signedOutIntro: 'アカウントの多要素認証を管理するには、サインインしてください。',
  sessionEnded: 'セッションが終了しました。続けるには、もう一度サインインしてください。',
  signIn: 'サインイン',
  createAccount: 'アカウントを作成',
  accountMenu: 'アカウント',
  signOut: 'サインアウト',

  homeHeading: 'Portcullis へようこそ',
  homeSignedInAs: (email) => `${email} としてサインインしています。`,
  accountSecurityHeading: 'あなたのアカウント',
  homeMfaHint: '認証アプリの6桁のコードで、コンソールのアカウントを保護できます。',
  notFoundHeading: 'ページが見つかりません',
  notFoundBody: 'このアドレスのページはコンソールにありません。',
  goHome: 'ホームページへ移動',

  mfaSetting: '多要素認証設定',
  mfaOn: '多要素認証は有効です。サインイン時に、いずれかのデバイスの6桁のコードを求められます。',
  mfaOff: '多要素認証は無効です。デバイスを追加すると有効になります。',
  devicesHeading: 'デバイス',
  noDevices: 'まだデバイスが追加されていません。',
  columnName: '名前',
  columnAdded: '追加日時',
  columnLastUsed: '最終使用日時',
  columnActions: '操作',
  neverUsed: '未使用',
  remove: '削除',
  removePrompt: (deviceName) =>
    `「${deviceName}」を削除するには、いずれかのデバイスに表示されている現在の6桁のコードを入力してください。`,
  removeLastDeviceWarning: 'これが唯一のデバイスのため、削除すると多要素認証は無効になります。',
  removeDevice: 'デバイスを削除',
  deviceRemoved: (deviceName) => `「${deviceName}」を削除しました。`,

  trustedDevicesHeading: '信頼済みデバイス',
  trustedDevicesIntro:
    'これらのブラウザーは、信頼の期限が切れるまで、コンソールへのサインイン時に6桁のコードを省略します。使わなくなったブラウザーや心当たりのないブラウザーは記憶を解除してください。',
  noTrustedDevices: 'あなたのアカウントで記憶されているブラウザーはありません。',
  columnBrowser: 'ブラウザー',
  columnFirstUsed: '初回使用日時',
  columnExpires: '有効期限',
  forget: '記憶を解除',
  trustedDeviceForgotten: (description) =>
    `「${description}」の記憶を解除しました。次回のサインインではコードを求められます。`,
  forgetAll: 'すべての記憶を解除',
  forgetAllPrompt: (count) =>
    `${count} 台の信頼済みデバイスの記憶をすべて解除しますか？各デバイスは次回のサインイン時に6桁のコードを求められます。`,
  forgetAllConfirm: '信頼済みデバイスの記憶をすべて解除',
  allTrustedDevicesForgotten: 'すべての信頼済みデバイスの記憶を解除しました。',

  codeLabel: '6桁のコード',
  codeFormatInvalid: '認証アプリに表示されている6桁の数字を入力してください。',

  addDevice: 'デバイスを追加',
  deviceNameLabel: 'デバイス名',
  deviceNameHint: '「仕事用の電話」など、デバイスを見分けられる名前を付けてください。',
  deviceNameMissing: 'デバイス名を入力してください。',
  addDeviceStepUpHint:
    '多要素認証が有効なため、追加するデバイスではなく、登録済みのデバイスに今表示されているコードを入力してください。',
  showQrCode: 'QRコードを表示',
  scanInstructions: '認証アプリでこのQRコードを読み取り、表示された6桁のコードを入力してください。',
  qrCodeAlt: 'Portcullis のアカウントを認証アプリに追加するQRコード',
  setupKeyIntro:
    'QRコードを読み取れない場合は、代わりにこのセットアップキーをアプリに入力してください。',
  copySetupKey: 'セットアップキーをコピー',
  setupKeyCopied: 'セットアップキーをコピーしました。',
  setupKeyCopyFailed:
    'セットアップキーをコピーできませんでした。キーを選択して手動でコピーしてください。',
  certification: '認証',
  deviceAdded: (deviceName) => `「${deviceName}」を追加しました。`,

  stepUpCodeLabel: '現在の6桁のコード',
  stepUpCodeHint: 'いずれかのデバイスに今表示されているコードを入力してください。',
  stepUpPasswordLabel: 'パスワード',
  stepUpPasswordHint:
    'アカウントにまだ多要素認証のデバイスがないため、パスワードでこの変更を確認します。',
  stepUpPasswordMissing: 'パスワードを入力してください。',

  secretShownOnce: '今すぐコピーして、安全な場所に保管してください。再表示はできません。',
  secretCopied: 'クリップボードにコピーしました。',
  secretCopyFailed: 'コピーできませんでした。テキストを選択して手動でコピーしてください。',
  secretDone: '完了',
};

export const catalogues: Record<Locale, Messages> = { en, ja };
