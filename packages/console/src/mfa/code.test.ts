import { describe, expect, it } from 'vitest';
import { groupSecret, normalizeCode } from './code';

describe('normalizeCode', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    [' 12 34 56 ', '123456'],
    ['１２３４５６', '123456'],
    ['123\u3000456', '123456'],
  ])('accepts %j', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it.each(['', '12345', '1234567', '12345a', '123-456', '١٢٣٤٥٦'])('rejects %j', (input) => {
    expect(normalizeCode(input)).toBeNull();
  });
});

describe('groupSecret', () => {
  it('splits into blocks of 4', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toEqual([
      'JBSW',
      'Y3DP',
      'EHPK',
      '3PXP',
      'JBSW',
      'Y3DP',
      'EHPK',
      '3PXP',
    ]);
  });

  it('keeps a short last block', () => {
    expect(groupSecret('ABCDEF')).toEqual(['ABCD', 'EF']);
  });

  it('returns no blocks for an empty secret', () => {
    expect(groupSecret('')).toEqual([]);
  });
});
