import { describe, expect, it } from 'vitest';
import { formatUrlList, parseUrlList } from './urls';

describe('parseUrlList', () => {
  it('reads one URL per line', () => {
    expect(parseUrlList('https://a.example/cb\nhttp://localhost:3000/cb')).toEqual({
      kind: 'valid',
      urls: ['https://a.example/cb', 'http://localhost:3000/cb'],
    });
  });

  it('skips blank lines, spaces and repeats', () => {
    expect(parseUrlList('\r\n  https://a.example/cb  \r\n\nhttps://a.example/cb\n')).toEqual({
      kind: 'valid',
      urls: ['https://a.example/cb'],
    });
  });

  it('accepts a custom scheme', () => {
    expect(parseUrlList('com.example.app:/callback')).toEqual({
      kind: 'valid',
      urls: ['com.example.app:/callback'],
    });
  });

  it('returns no URLs for empty text', () => {
    expect(parseUrlList('')).toEqual({ kind: 'valid', urls: [] });
  });

  it.each(['/callback', 'a.example/cb', 'https://'])('rejects %j', (value) => {
    expect(parseUrlList(`https://a.example/cb\n${value}`)).toEqual({ kind: 'invalid', value });
  });
});

describe('formatUrlList', () => {
  it('joins with newlines', () => {
    expect(formatUrlList(['https://a.example/cb', 'https://b.example/cb'])).toBe(
      'https://a.example/cb\nhttps://b.example/cb',
    );
  });
});
