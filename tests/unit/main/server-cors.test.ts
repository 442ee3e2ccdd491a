// The server's CORS allowance for the desktop client (server/http/cors.ts), over real
// HTTP: the kizuna://app origin may call the API with a bearer token; no other origin
// gets any CORS header, so browsers keep other sites from reading the answers.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../main/app-origin';
import { DESKTOP_APP_ORIGIN, desktopAppCors } from '../../../server/http/cors';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(desktopAppCors());
  app.get('/api/persons', (req, res) => {
    if (req.get('authorization') !== 'Bearer t-invented') {
      res.status(401).json({ error: 'unauthenticated' });
      return;
    }
    res.set('X-Request-Id', 'req-0001').json({ persons: [] });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const preflight = (origin: string) =>
  fetch(`${base}/api/persons`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,x-kizuna-device,x-kizuna-menu' },
  });

describe('CORS for the desktop client', () => {
  it('names the same origin the desktop app is served from', () => {
    expect(DESKTOP_APP_ORIGIN).toBe(APP_ORIGIN);
  });

  it('lets kizuna://app send its bearer token and device headers', async () => {
    const response = await preflight('kizuna://app');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('kizuna://app');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,x-kizuna-device,x-kizuna-menu');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets kizuna://app read the answer and its request id', async () => {
    const response = await fetch(`${base}/api/persons`, { headers: { Origin: 'kizuna://app', Authorization: 'Bearer t-invented' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('kizuna://app');
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('gives no other origin any CORS header', async () => {
    for (const origin of ['https://phishing.example.com', 'kizuna://evil', 'null', 'file://']) {
      const answer = await preflight(origin);
      expect(answer.headers.get('access-control-allow-origin'), origin).toBeNull();
      const read = await fetch(`${base}/api/persons`, { headers: { Origin: origin, Authorization: 'Bearer t-invented' } });
      expect(read.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});
