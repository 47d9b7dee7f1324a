import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { oathtoolTotp, requireTool } from '../../test/support/oathtool.js';
import {
  buildOtpauthUri,
  generateTotpSecret,
  hotp,
  matchTotpStep,
  normalizeCode,
  totp,
} from './totp.js';

// RFC 6238 appendix B: the seed is the ASCII string "1234567890" repeated to 20, 32 and 64 bytes
// for SHA-1, SHA-256 and SHA-512, passed here in base32 as authenticator apps receive it.
const asciiSeed = (bytes: number) => Secret.fromUTF8('1234567890'.repeat(7).slice(0, bytes)).base32;
const seeds = { SHA1: asciiSeed(20), SHA256: asciiSeed(32), SHA512: asciiSeed(64) } as const;

// RFC 6238 appendix B, table of test vectors: time (seconds), algorithm, 8-digit TOTP.
const rfc6238Vectors: Array<[number, keyof typeof seeds, string]> = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

// RFC 4226 appendix D: secret "12345678901234567890", counters 0 to 9, 6-digit HOTP.
const rfc4226Vectors = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

describe('totp', () => {
  it.each(rfc6238Vectors)('RFC 6238 vector at %i s with %s', (seconds, algorithm, expected) => {
    expect(totp({ secret: seeds[algorithm], epochMs: seconds * 1000, digits: 8, algorithm })).toBe(
      expected,
    );
  });

  it.each(rfc4226Vectors.map((code, counter) => [counter, code] as const))(
    'RFC 4226 HOTP counter %i',
    (counter, expected) => {
      expect(hotp({ secret: seeds.SHA1, counter })).toBe(expected);
    },
  );

  it('matches a code one step either side and no further', () => {
    const secret = generateTotpSecret();
    const now = Date.UTC(2026, 0, 1, 0, 0, 15);
    const step = Math.floor(now / 30_000);
    for (const offset of [-1, 0, 1]) {
      const code = totp({ secret, epochMs: now + offset * 30_000 });
      expect(matchTotpStep(secret, code, now)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = totp({ secret, epochMs: now + offset * 30_000 });
      expect(matchTotpStep(secret, code, now)).toBeNull();
    }
  });

  it('generates 160-bit base32 secrets', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('ignores spaces and dashes typed inside a code', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
  });
});

const hasOathtool = requireTool('oathtool');
const hasZbarimg = requireTool('zbarimg');

describe.runIf(hasOathtool)('totp against oathtool', () => {
  it('accepts the codes oathtool computes', () => {
    for (let index = 0; index < 5; index += 1) {
      const secret = generateTotpSecret();
      const now = Date.UTC(2026, 5, 1) + index * 997_000;
      const code = oathtoolTotp(secret, now);
      expect(code).toMatch(/^\d{6}$/);
      expect(matchTotpStep(secret, code, now)).toBe(Math.floor(now / 30_000));
    }
  });
});

describe.runIf(hasZbarimg)('otpauth URI through a QR decoder', () => {
  const cases = [
    { issuer: 'Portcullis', account: 'dev@example.com' },
    { issuer: 'Acme Notes', account: 'first last@example.com' },
    { issuer: 'A+B:C@D', account: 'x+y:z@example.com' },
    { issuer: 'Café Ünïcode 日本', account: 'ユーザー@example.jp' },
  ];

  it.each(cases)(
    'round-trips issuer "$issuer" and account "$account"',
    async ({ issuer, account }) => {
      const secret = generateTotpSecret();
      const uri = buildOtpauthUri({ secret, issuer, account });
      expect(uri).not.toContain('+');
      expect(uri).not.toContain(' ');

      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-qr-')), 'code.png');
      await QRCode.toFile(file, uri, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
      const decoded = execFileSync('zbarimg', ['--quiet', '--raw', file], {
        encoding: 'utf8',
      }).trim();
      expect(decoded).toBe(uri);

      const parsed = new URL(decoded);
      expect(parsed.protocol).toBe('otpauth:');
      expect(parsed.host).toBe('totp');
      const label = decodeURIComponent(parsed.pathname.slice(1));
      expect(label).toBe(`${issuer}:${account}`);
      expect(parsed.searchParams.get('issuer')).toBe(issuer);
      expect(parsed.searchParams.get('secret')).toBe(secret);
      expect(parsed.searchParams.get('algorithm')).toBe('SHA1');
      expect(parsed.searchParams.get('digits')).toBe('6');
      expect(parsed.searchParams.get('period')).toBe('30');
    },
  );
});
