import { describe, expect, it } from 'vitest';
import { parseRememberDays } from './rememberDays';

describe('parseRememberDays', () => {
  it.each([
    ['1', 1],
    ['30', 30],
    ['365', 365],
    [' 45 ', 45],
    ['９０', 90],
  ])('accepts %j', (input, expected) => {
    expect(parseRememberDays(input)).toBe(expected);
  });

  it.each(['', '0', '366', '-1', '1.5', '1e2', 'abc'])('rejects %j', (input) => {
    expect(parseRememberDays(input)).toBeNull();
  });
});
