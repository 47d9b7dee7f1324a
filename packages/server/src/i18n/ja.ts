import type { MessageKey } from './en.js';

/** Japanese words of the hosted pages and error messages. */
export const ja: Record<MessageKey, string> = {
  'error.invalid_request':
    'リクエストが正しくありません: {detail}。修正してもう一度送信してください。',
  'error.mfa_code_invalid':
    'コードが正しくありません。認証アプリに表示されている現在の6桁のコードを入力してください。',
  'error.mfa_code_used':
    'このコードは使用済みです。認証アプリに新しいコードが表示されるまで待ってから入力してください。',
  'error.mfa_locked':
    '誤ったコードが多すぎます。このアカウントの多要素認証はロックされています。{minutes}分後にもう一度お試しください。',
  'error.mfa_not_enrolled':
    'このアカウントには認証デバイスがまだありません。先にデバイスを追加してください。',
  'error.mfa_enrolment_expired':
    'デバイスの設定の有効期限が切れました。「Add Device」からやり直してください。',
  'error.mfa_last_authenticator_required':
    'このアプリでは多要素認証が必須のため、最後のデバイスは削除できません。先に別のデバイスを追加してください。',
  'error.invalid_api_key':
    'APIキーがないか、失効しているか、無効です。有効なキーをBearerトークンとして送信してください。',
  'error.invalid_access_token':
    'アクセストークンがないか、期限切れか、このユーザーとアプリに発行されたものではありません。',
  'error.unauthenticated': 'サインインしていません。サインインしてからもう一度お試しください。',
  'error.csrf_invalid':
    'フォームまたはリクエストの有効期限が切れました。ページを再読み込みしてもう一度お試しください。',
  'error.step_up_required': '本人確認のため、認証アプリの現在のコードを入力してください。',
  'error.not_found': '{thing}が見つかりません。IDを確認してもう一度お試しください。',
  'error.rate_limited': 'リクエストが多すぎます。{seconds}秒待ってからもう一度お試しください。',
  'error.email_taken': 'このメールアドレスのアカウントは既に存在します。サインインしてください。',
  'error.signup_closed':
    'このアプリでは新規登録を受け付けていません。管理者にアカウントを依頼してください。',
  'error.password_too_short': '{min}文字以上のパスワードを設定してください。',
  'error.password_too_long': '{max}文字以下のパスワードを設定してください。',
  'error.password_invalid': 'パスワードが正しくありません。現在のパスワードを入力してください。',
  'error.invalid_credentials':
    'メールアドレスまたはパスワードが正しくありません。両方を確認してもう一度お試しください。',
  'error.sign_in_locked':
    'このアカウントのサインイン失敗が多すぎます。{minutes}分後にもう一度お試しください。',
  'error.challenge_ended':
    '誤ったコードが多すぎるか、時間が経ちすぎました。もう一度サインインしてください。',
  'error.interaction_expired':
    'このサインインページの有効期限が切れました。アプリに戻ってもう一度サインインしてください。',
  'error.internal_error':
    'サーバー側で問題が発生しました。しばらくしてからもう一度お試しください。',

  'page.sign_in.title': '{app}にサインイン',
  'page.sign_in.submit': 'サインイン',
  'page.sign_in.to_sign_up': 'アカウントをお持ちでない方は新規作成',
  'page.sign_up.title': '{app}のアカウントを作成',
  'page.sign_up.submit': 'アカウントを作成',
  'page.sign_up.to_sign_in': 'アカウントをお持ちの方はサインイン',
  'page.sign_up.password_hint': '{min}文字以上。',
  'page.email': 'メールアドレス',
  'page.password': 'パスワード',
  'page.mfa.title': '認証コードを入力',
  'page.mfa.intro': '認証アプリを開き、{app}に表示されている6桁のコードを入力してください。',
  'page.mfa.code': '6桁のコード',
  'page.mfa.submit': '確認',
  'page.mfa.remember': 'このデバイスを記憶する',
  'page.mfa.remember_hint':
    'このブラウザでは{days}日間コードの入力を省略します。共有のコンピューターでは使わないでください。',
  'page.mfa.remembered_note': 'このブラウザは{days}日間記憶され、この手順を省略します。',
  'page.mfa.start_over': '別のアカウントでサインイン',
  'page.enrol.title': '認証アプリを設定',
  'page.enrol.intro':
    '{app}ではサインイン時に2段階目の確認が必要です。認証アプリ(Google Authenticator、Authy、1Passwordなど)でこのQRコードを読み取り、表示された6桁のコードを入力してください。',
  'page.enrol.qr_alt': '{app}のアカウントを認証アプリに追加するQRコード',
  'page.enrol.secret': 'または、このキーをアプリに入力してください:',
  'page.logout.title': 'サインアウト中',
  'page.logout.confirm': 'サインアウトしますか?',
  'page.logout.submit': 'サインアウト',
  'page.logged_out.title': 'サインアウトしました',
  'page.logged_out.body': 'このウィンドウを閉じてかまいません。',
  'page.error.title': 'サインインを続行できませんでした',
  'page.error.back': 'アプリに戻って最初からやり直してください。',
};
