import { createContext, useContext, type ReactNode } from 'react';
import { catalogues, type Locale, type Messages } from './messages';

export interface LocaleSettings {
  locale: Locale;
  messages: Messages;
  /** Formats epoch milliseconds as a date and time in the person's language and region. */
  formatDateTime: (epochMs: number) => string;
}

/**
 * Picks the first catalogue that matches the browser's preferred languages, English otherwise.
 * Dates use the full matching tag (en-GB, ja-JP) so their order follows the person's region.
 */
export function selectLocale(preferredLanguages: readonly string[]): LocaleSettings {
  for (const tag of preferredLanguages) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'en' || language === 'ja') {
      return createLocaleSettings(language, tag);
    }
  }
  return createLocaleSettings('en', 'en');
}

function createLocaleSettings(locale: Locale, dateTag: string): LocaleSettings {
  const formatter = createDateTimeFormat(dateTag, locale);
  return {
    locale,
    messages: catalogues[locale],
    formatDateTime: (epochMs) => formatter.format(new Date(epochMs)),
  };
}

function createDateTimeFormat(tag: string, fallback: Locale): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(tag, options);
  } catch {
    // A malformed tag in navigator.languages raises a RangeError.
    return new Intl.DateTimeFormat(fallback, options);
  }
}

const LocaleContext = createContext<LocaleSettings>(createLocaleSettings('en', 'en'));

export function LocaleProvider(props: { settings: LocaleSettings; children: ReactNode }) {
  return <LocaleContext value={props.settings}>{props.children}</LocaleContext>;
}

export function useLocale(): LocaleSettings {
  return useContext(LocaleContext);
}

export function useMessages(): Messages {
  return useContext(LocaleContext).messages;
}
