// Logging in and staying logged in, as a care manager and an administrator meet it:
// wrong passwords, the lockout and its end, session expiry, logout, the demo password
// outside demo mode, password changes and the login rate limit.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';

const minute = 60_000;

/** A clock the test moves; the server reads it for sessions and lockouts. */
function testClock() {
  let now = Date.parse('2026-10-01T00:00:00.000Z');
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const login = (s: TestServer, userId: string, password: string) => s.request('POST', '/api/auth/login', { userId, password });

describe('login and sessions', () => {
  it('logs in with the demo password and answers the public user, never the hash', async () => {
    server = await startTestServer();
    const answer = await login(server, 'chuo-cm1', 'kizuna-demo');
    expect(answer.status).toBe(200);
    expect(answer.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(answer.body.user).toMatchObject({ id: 'chuo-cm1', role: 'careManager', centers: ['01'] });
    expect(answer.body.user.passwordHash).toBeUndefined();
    expect(answer.body.offlineLeaseDays).toBe(14);
    const me = await server.request('GET', '/api/auth/me', undefined, { authorization: `Bearer ${answer.body.token}` });
    expect(me.body.user.id).toBe('chuo-cm1');
  });

  it('answers 401 alike for a wrong password and an unknown user', async () => {
    server = await startTestServer();
    const wrong = await login(server, 'chuo-cm1', 'not-the-password');
    const unknown = await login(server, 'nobody-here', 'kizuna-demo');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.body.error.message).toContain('パスワード');
  });

  it('locks the ID on the 5th failure within 15 minutes, refuses even the right password, and lets it in after 15 minutes', async () => {
    const clock = testClock();
    server = await startTestServer({ now: clock.now });
    for (let i = 1; i <= 4; i++) {
      expect((await login(server, 'minami-cm1', `wrong-${i}`)).status).toBe(401);
      clock.advance(2 * minute);
    }
    const fifth = await login(server, 'minami-cm1', 'wrong-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('locked');
    expect(fifth.body.error.message).toContain('ロック');
    expect(fifth.headers.get('retry-after')).toBe('900');
    clock.advance(14 * minute);
    expect((await login(server, 'minami-cm1', 'kizuna-demo')).status).toBe(423);
    // Another user is not affected.
    expect((await login(server, 'chuo-cm1', 'kizuna-demo')).status).toBe(200);
    clock.advance(1 * minute + 1000);
    expect((await login(server, 'minami-cm1', 'kizuna-demo')).status).toBe(200);
  });

  it('does not lock when the failures are spread beyond the 15-minute window', async () => {
    const clock = testClock();
    server = await startTestServer({ now: clock.now });
    for (let i = 1; i <= 6; i++) {
      expect((await login(server, 'chuo-cm1', `wrong-${i}`)).status).toBe(401);
      clock.advance(4 * minute);
    }
    expect((await login(server, 'chuo-cm1', 'kizuna-demo')).status).toBe(200);
  });

  it('ends a session when its lifetime is over', async () => {
    const clock = testClock();
    server = await startTestServer({ now: clock.now, config: { sessionLifetimeMinutes: 60 } });
    const client = await server.login('chuo-cm1');
    clock.advance(59 * minute);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    clock.advance(2 * minute);
    const expired = await client.get('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('sessionExpired');
  });

  it('revokes the session on logout, and only that session', async () => {
    server = await startTestServer();
    const first = await server.login('city-staff1');
    const second = await server.login('city-staff1');
    expect((await first.post('/api/auth/logout')).status).toBe(200);
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await first.get('/api/persons?q=')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(200);
  });

  it('keeps sessions across a restart on the same data folder', async () => {
    server = await startTestServer();
    const client = await server.login('chuo-cm1');
    const dataDir = server.dataDir;
    await server.server.close();
    const again = await startTestServer({ dataDir });
    try {
      const me = await again.request('GET', '/api/auth/me', undefined, client.headers);
      expect(me.status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('refuses the demo password and the demo users outside demo mode', async () => {
    server = await startTestServer();
    const admin = await server.login('it-admin');
    const created = await admin.post('/api/users', { id: 'chuo-cm2', displayName: '中央 ケアマネ二号', role: 'careManager', centers: ['01'], password: 'a-real-passphrase' });
    expect(created.status).toBe(201);
    // An administrator cannot hand out the demo password either.
    const demoPassword = await admin.post('/api/users/chuo-cm2/password', { password: 'kizuna-demo' });
    expect(demoPassword.status).toBe(400);
    expect(demoPassword.body.error.field).toBe('password');
    const dataDir = server.dataDir;
    await server.server.close();
    const production = await startTestServer({ dataDir, config: { demo: false, requireRegisteredDevice: false } });
    try {
      const demoUser = await login(production, 'chuo-cm1', 'kizuna-demo');
      expect(demoUser.status).toBe(401);
      expect(demoUser.body.error.code).toBe('demoPasswordRefused');
      expect((await login(production, 'chuo-cm2', 'a-real-passphrase')).status).toBe(200);
    } finally {
      await production.close();
    }
  });

  it('changes a password: the old one stops working, a short one is refused naming the field', async () => {
    server = await startTestServer();
    const admin = await server.login('it-admin');
    await admin.post('/api/users', { id: 'kita-cm1', displayName: '北 ケアマネ一号', role: 'careManager', centers: ['04'], password: 'first-passphrase' });
    const user = await server.login('kita-cm1', { password: 'first-passphrase' });
    const short = await user.post('/api/auth/password', { currentPassword: 'first-passphrase', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('newPassword');
    expect(short.body.error.message).toContain('10');
    const wrongCurrent = await user.post('/api/auth/password', { currentPassword: 'not-it', newPassword: 'second-passphrase' });
    expect(wrongCurrent.body.error.field).toBe('currentPassword');
    expect((await user.post('/api/auth/password', { currentPassword: 'first-passphrase', newPassword: 'second-passphrase' })).status).toBe(200);
    expect((await login(server, 'kita-cm1', 'first-passphrase')).status).toBe(401);
    expect((await login(server, 'kita-cm1', 'second-passphrase')).status).toBe(200);
  });

  it('ends the sessions of a user who is disabled or whose password is reset', async () => {
    server = await startTestServer();
    const admin = await server.login('it-admin');
    const careManager = await server.login('chuo-cm1');
    const staff = await server.login('city-staff1');
    expect((await admin.patch('/api/users/chuo-cm1', { disabled: true })).status).toBe(200);
    expect((await careManager.get('/api/auth/me')).status).toBe(401);
    const disabledLogin = await login(server, 'chuo-cm1', 'kizuna-demo');
    expect(disabledLogin.status).toBe(403);
    expect(disabledLogin.body.error.code).toBe('userDisabled');
    expect((await admin.post('/api/users/city-staff1/password', { password: 'reset-by-it-admin' })).status).toBe(200);
    expect((await staff.get('/api/auth/me')).status).toBe(401);
  });

  it('limits login attempts per address', async () => {
    server = await startTestServer({ config: { loginRateLimit: { windowSeconds: 60, max: 3 } } });
    for (let i = 0; i < 3; i++) expect((await login(server, 'chuo-cm1', 'wrong')).status).not.toBe(429);
    const limited = await login(server, 'chuo-cm1', 'kizuna-demo');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('tooManyAttempts');
  });
});
