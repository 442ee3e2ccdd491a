// Session-wide rules: no web permission (camera, microphone, geolocation, notifications,
// clipboard reads, devices…) is ever granted, and every response carries the app's CSP,
// including responses Electron fetches over http(s) rather than through our protocol.
import type { Session } from '../electron-api';

export function guardSession(session: Session, contentSecurityPolicy: (url?: string) => string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[] | string> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Ours replaces any the response brought, whatever its letter case.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [contentSecurityPolicy(details.url)];
    callback({ responseHeaders: headers });
  });
}
