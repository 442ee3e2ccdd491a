import { describe, expect, it } from 'vitest';
import { decryptField, encryptField } from '../../../renderer/store/field-encryption';

// What a stolen device's store holds of a personal field: ciphertext that only the data
// key opens, and that refuses to open at all once a byte of it was changed.

const key = () => globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('field encryption', () => {
  it('gives back the value it sealed, and never shows it in the stored form', async () => {
    const k = await key();
    const value = { name: '架空 花子', notes: ['電話で相談'] };
    const stored = await encryptField(value, k);
    expect(stored.startsWith('g1:')).toBe(true);
    expect(stored).not.toContain('架空');
    expect(await decryptField(stored, k)).toEqual(value);
    // A fresh IV each time: equal values do not look equal at rest.
    expect(await encryptField(value, k)).not.toBe(stored);
  });

  it('refuses a stored value that was altered, or another key', async () => {
    const k = await key();
    const stored = await encryptField('相談内容', k);
    const flipped = stored.slice(0, -6) + (stored.at(-6) === 'A' ? 'B' : 'A') + stored.slice(-5);
    await expect(decryptField(flipped, k)).rejects.toThrow();
    await expect(decryptField(stored, await key())).rejects.toThrow();
  });

  it('opens a value only for the document it was sealed for', async () => {
    const k = await key();
    const stored = await encryptField('相談内容', k, 'consultation-1');
    expect(await decryptField(stored, k, 'consultation-1')).toBe('相談内容');
    // The same bytes copied into another record do not open there.
    await expect(decryptField(stored, k, 'consultation-2')).rejects.toThrow();
  });
});
