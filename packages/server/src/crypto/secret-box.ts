import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const keyBytes = 32;
const ivBytes = 12;
const format = 'v1';

/**
 * AES-256-GCM encryption of secrets at rest. A ciphertext reads `v1.<key id>.<iv>.<data>.<tag>`
 * (base64url parts), so a key can be rotated: new ciphertexts use the primary key and old ones
 * still name the key that opens them.
 */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  private readonly primaryKeyId: string;

  constructor(primaryKey: Buffer, olderKeys: Buffer[] = []) {
    for (const key of [primaryKey, ...olderKeys]) {
      if (key.length !== keyBytes) {
        throw new Error(`A master key must be ${keyBytes} bytes; this one has ${key.length}.`);
      }
      this.keys.set(keyIdOf(key), key);
    }
    this.primaryKeyId = keyIdOf(primaryKey);
  }

  /** Encrypts a UTF-8 string; `context` binds the ciphertext to its use (e.g. a row id). */
  seal(plaintext: string, context: string): string {
    const key = this.keys.get(this.primaryKeyId) as Buffer;
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, data, cipher.getAuthTag()].map((part) => part.toString('base64url'));
    return [format, this.primaryKeyId, ...parts].join('.');
  }

  /** Decrypts a ciphertext made by `seal` with the same context; throws if it was altered. */
  open(ciphertext: string, context: string): string {
    const [version, keyId, iv, data, tag] = ciphertext.split('.');
    if (version !== format || !keyId || !iv || data === undefined || !tag) {
      throw new Error('The ciphertext is not in the v1 format.');
    }
    const key = this.keys.get(keyId);
    if (!key) {
      throw new Error(
        `No master key with id ${keyId} is configured; restore the key that sealed it.`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]);
    return plaintext.toString('utf8');
  }
}

/** Returns a short public id of a key: the first 8 bytes of its SHA-256, hex. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Decodes a base64 or base64url master key given in the environment. */
export function decodeMasterKey(value: string): Buffer {
  const key = Buffer.from(
    value.trim(),
    value.includes('-') || value.includes('_') ? 'base64url' : 'base64',
  );
  if (key.length !== keyBytes) {
    throw new Error(
      `PORTCULLIS_SECRET_KEY must be ${keyBytes} random bytes in base64 (e.g. from ` +
        '`openssl rand -base64 32`); the value given decodes to ' +
        `${key.length} bytes.`,
    );
  }
  return key;
}

/** Builds the secret box of a configuration: its master key plus any earlier keys. */
export function secretBoxOf(options: {
  secretKey?: string;
  oldSecretKeys?: string[];
  dataDir: string;
}) {
  return new SecretBox(loadMasterKey(options), (options.oldSecretKeys ?? []).map(decodeMasterKey));
}

/**
 * Loads the master key: PORTCULLIS_SECRET_KEY when set, else `master.key` in the data folder,
 * created with mode 0600 on first start.
 */
export function loadMasterKey(options: { secretKey?: string; dataDir: string }): Buffer {
  if (options.secretKey) {
    return decodeMasterKey(options.secretKey);
  }
  const file = path.join(options.dataDir, 'master.key');
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(keyBytes).toString('base64') + '\n', {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decodeMasterKey(fs.readFileSync(file, 'utf8'));
}
