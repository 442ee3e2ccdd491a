// The desktop renderer calls the server cross-origin from kizuna://app; the server only
// answers origins in its `allowedOrigins` setting (server/config). If the two drifted
// apart, every desktop client would fail at login while the PWA kept working.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../main/app-origin';
import { configDefaults } from '../../../server/config/schema';

describe('the desktop app origin', () => {
  it('is one the server allows by default', () => {
    expect(configDefaults.allowedOrigins).toContain(APP_ORIGIN);
  });
});
