export const minRememberDays = 1;
export const maxRememberDays = 365;

/** Returns the typed number of days as an integer from 1 to 365, or null. */
export function parseRememberDays(input: string): number | null {
  const text = input.normalize('NFKC').trim();
  if (!/^[0-9]+$/.test(text)) {
    return null;
  }
  const days = Number(text);
  return days >= minRememberDays && days <= maxRememberDays ? days : null;
}
