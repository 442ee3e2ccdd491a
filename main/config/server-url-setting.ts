// The server URL in effect for this run of the app. The stored device setting is the
// normal source; a URL given at launch (`--server-url=` or KIZUNA_SERVER_URL, as
// `npm start` does for the local demo server) takes precedence for that run only and is
// not written to the device's settings.
import type { DeviceConfigStore } from './device-config';
import { checkServerUrl } from './server-url';

export interface ServerUrlSetting {
  /** Synchronous, because the CSP is computed for every response from it. */
  current(): string | null;
  /** Stores an already checked URL for this device and uses it from now on. */
  save(url: string): Promise<void>;
}

export async function loadServerUrlSetting(store: DeviceConfigStore, launchUrl: string | null): Promise<ServerUrlSetting> {
  let current = launchUrl ?? (await store.readServerUrl());
  return {
    current: () => current,
    async save(url) {
      await store.saveServerUrl(url);
      current = url;
    },
  };
}

/** The server URL given at launch, if any: `--server-url=<url>` wins over the environment. */
export function launchServerUrl(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  const flag = argv.find((arg) => arg.startsWith('--server-url='));
  const given = flag !== undefined ? flag.slice('--server-url='.length) : env.KIZUNA_SERVER_URL;
  if (given === undefined || given === '') return null;
  const check = checkServerUrl(given);
  if (!check.ok) {
    console.warn(`Ignoring the server URL given at launch (${given}): ${check.message}`);
    return null;
  }
  return check.url;
}
