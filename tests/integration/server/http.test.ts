// The server as a browser meets it: security headers, request ids, the built client with
// its SPA fallback and an always-revalidated service worker, the desktop app's origin,
// and HTTPS only once a certificate is configured.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../server/config/resolve';
import { startTestServer, type TestServer } from '../../support/server';

const scratch = mkdtempSync(path.join(tmpdir(), 'kizuna-http-'));
const clientDir = path.join(scratch, 'dist');

let server: TestServer;

beforeAll(async () => {
  mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><html lang="ja"><title>Kizuna</title><div id="root"></div>');
  writeFileSync(path.join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(clientDir, 'assets', 'app-3f2a1b.js'), 'console.log("app");');
  server = await startTestServer({ config: { clientDir } });
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('HTTP', () => {
  it('sends security headers, and a CSP that keeps the client to its own origin', async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('gives every answer a request id, keeping a proxy’s', async () => {
    const own = await fetch(`${server.url}/api/health`);
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'proxy-1234abcd' } });
    expect(given.headers.get('x-request-id')).toBe('proxy-1234abcd');
    expect(await given.json()).toEqual({ ok: true, demo: true });
  });

  it('serves the built client: the page, hashed assets cached, the service worker never', async () => {
    const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toContain('javascript');
    const asset = await fetch(`${server.url}/assets/app-3f2a1b.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a deep link with the page, but an unknown API path or file with a 404', async () => {
    const deep = await fetch(`${server.url}/persons/person-1/consultations`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const api = await fetch(`${server.url}/api/persons-typo`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('notFound');
    expect((await fetch(`${server.url}/missing.png`)).status).toBe(404);
  });

  it('lets the desktop app’s origin call the API and nobody else’s', async () => {
    const preflight = await fetch(`${server.url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'kizuna://app', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-kizuna-device' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('kizuna://app');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Kizuna-Device');
    const stranger = await fetch(`${server.url}/api/health`, { headers: { origin: 'http://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never caches API answers', async () => {
    expect((await fetch(`${server.url}/api/health`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('TLS', () => {
  it('speaks HTTPS only when a certificate is configured', async () => {
    const key = path.join(scratch, 'key.pem');
    const cert = path.join(scratch, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const secure = await startTestServer({ config: { tls: { certFile: cert, keyFile: key } } });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const answer = await new Promise<{ status: number; hsts: string | undefined }>((resolve, reject) => {
        https
          .get(`${secure.url}/api/health`, { ca: readFileSync(cert) }, (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, hsts: res.headers['strict-transport-security'] as string | undefined });
          })
          .on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(answer.hsts).toContain('max-age=');
      // Plain HTTP on the same port gets no API answer.
      await expect(fetch(secure.url.replace('https:', 'http:') + '/api/health')).rejects.toThrow();
    } finally {
      await secure.close();
    }
  });

  it('stops with a message naming the key when the certificate cannot be read', async () => {
    const missing = path.join(scratch, 'no-such-cert.pem');
    const error = await startTestServer({ config: { tls: { certFile: missing, keyFile: missing } } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('tls.certFile');
    expect((error as ConfigError).message).toContain(missing);
  });
});
