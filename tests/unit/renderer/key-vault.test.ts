import { describe, expect, it } from 'vitest';
import { createDataKey, DamagedKeyRecordError, rewrapDataKey, unwrapDataKey, wrapDataKey, WrongPasswordError } from '../../../renderer/store/key-vault';

// Fewer PBKDF2 rounds than the product's default keep the test fast; the rounds are
// stored in the record, so the code path is the same.
const iterations = 1_000;

describe('key vault', () => {
  it('unlocks the data key with the password it was wrapped with, and only that', async () => {
    const dataKey = createDataKey();
    const record = await wrapDataKey('chuo-cm1', 'correct horse 1', dataKey, { iterations });
    expect(await unwrapDataKey(record, 'correct horse 1')).toBe(dataKey);
    await expect(unwrapDataKey(record, 'correct horse 2')).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(unwrapDataKey(record, '')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('stores neither the password nor the data key', async () => {
    const dataKey = createDataKey();
    const record = await wrapDataKey('chuo-cm1', 'correct horse 1', dataKey, { iterations });
    const stored = JSON.stringify(record);
    expect(stored).not.toContain('correct horse');
    expect(stored).not.toContain(dataKey);
  });

  it('gives every device a different random data key', () => {
    const keys = new Set(Array.from({ length: 20 }, () => createDataKey()));
    expect(keys.size).toBe(20);
  });

  it('binds the record to its user: moved to another user ID it does not decrypt', async () => {
    const record = await wrapDataKey('chuo-cm1', 'correct horse 1', createDataKey(), { iterations });
    await expect(unwrapDataKey({ ...record, userId: 'minami-cm1' }, 'correct horse 1')).rejects.toBeInstanceOf(DamagedKeyRecordError);
  });

  it('re-wraps the same data key under a new password after a password change', async () => {
    const dataKey = createDataKey();
    const record = await wrapDataKey('chuo-cm1', 'old password 1', dataKey, { iterations });
    const changed = await rewrapDataKey(record, 'old password 1', 'new password 2');
    expect(await unwrapDataKey(changed, 'new password 2')).toBe(dataKey);
    await expect(unwrapDataKey(changed, 'old password 1')).rejects.toBeInstanceOf(WrongPasswordError);
  });
});
