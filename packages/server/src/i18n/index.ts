import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';

export type { MessageKey };
export type Locale = 'en' | 'ja';

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, ja };

/** Fills `{name}` placeholders of a catalogue message. */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}

/** Chooses the first supported locale of an Accept-Language header or a ui_locales list. */
export function chooseLocale(...preferences: Array<string | undefined>): Locale {
  for (const preference of preferences) {
    if (!preference) continue;
    for (const part of preference.split(/[,\s]+/)) {
      const language = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
      if (language === 'ja' || language === 'en') return language;
    }
  }
  return 'en';
}
