import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** A sealed secret that no key here opens: the key changed, or the text was altered. */
export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
}

/**
 * Encrypts the secrets psc must keep able to use (webhook signing secrets) with AES-256-GCM under
 * the server's key. A sealed secret names its key by a fingerprint, so after a key rotation the
 * old key (kept as a previous key) still opens what it sealed until `psc secrets reseal` has
 * sealed everything under the new one.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new Error(`a secret key has ${KEY_BYTES} bytes`);
    }
    this.currentId = keyId(current);
    this.keys = new Map([...previous, current].map((key) => [keyId(key), key]));
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentId), iv);
    cipher.setAAD(Buffer.from(this.currentId));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, this.currentId, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [format, id = '', iv = '', tag = '', body = ''] = sealed.split('.');
    if (format !== FORMAT || !this.keys.has(id)) {
      throw new SecretKeyError(
        `a secret was sealed with key ${id || '?'}, which is neither PSC_SECRET_KEY nor one of PSC_SECRET_KEY_PREVIOUS`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(id), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretKeyError(`a secret sealed with key ${id} does not open: it was altered`);
    }
  }

  /** Whether `sealed` is under an older key than the current one. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new SecretKeyError(`no key ${id}`);
    return key;
  }
}

/** A key's public name: the start of its SHA-256, which tells keys apart and gives nothing away. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** A new key, as PSC_SECRET_KEY takes it (base64 of 32 random bytes). */
export function newSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** The key written as base64 (`openssl rand -base64 32`) or hex; null when it is neither. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(
      trimmed,
      trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64',
    );
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}
