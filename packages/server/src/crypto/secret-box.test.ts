import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox, keyIdOf, loadMasterKey, secretBoxOf } from './secret-box.js';

describe('secret box', () => {
  it('seals and opens with the same context', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'authenticator:a1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed, 'authenticator:a1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('rejects another context and an altered ciphertext', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('secret value', 'authenticator:a1');
    expect(() => box.open(sealed, 'authenticator:a2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'), 'authenticator:a1')).toThrow();
  });

  it('opens old ciphertexts after a key rotation', () => {
    const oldKey = randomBytes(32);
    const sealed = new SecretBox(oldKey).seal('secret value', 'context');
    const rotated = new SecretBox(randomBytes(32), [oldKey]);
    expect(sealed.split('.')[1]).toBe(keyIdOf(oldKey));
    expect(rotated.open(sealed, 'context')).toBe('secret value');
    expect(rotated.seal('x', 'context').split('.')[1]).not.toBe(keyIdOf(oldKey));
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'context')).toThrow(
      /No master key with id/,
    );
  });

  it('creates the key file with mode 0600 once', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-key-'));
    const first = loadMasterKey({ dataDir });
    const second = loadMasterKey({ dataDir });
    expect(first.equals(second)).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('rejects an environment key of the wrong length', () => {
    expect(() =>
      loadMasterKey({ dataDir: os.tmpdir(), secretKey: Buffer.alloc(16).toString('base64') }),
    ).toThrow(/must be 32 random bytes/);
  });

  it('opens ciphertexts of an old key given in the configuration', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portcullis-rotation-'));
    const oldKey = randomBytes(32).toString('base64');
    const sealed = secretBoxOf({ dataDir, secretKey: oldKey }).seal('secret value', 'context');
    const rotated = secretBoxOf({
      dataDir,
      secretKey: randomBytes(32).toString('base64'),
      oldSecretKeys: [oldKey],
    });
    expect(rotated.open(sealed, 'context')).toBe('secret value');
  });
});
