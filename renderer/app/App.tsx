import { useEffect, useState } from 'react';
import { HashRouter } from 'react-router-dom';
import { uiMessages } from '../../shared/index';
import { OpenSessionProvider, ServerOnlySessionProvider, ServicesProvider, useSessionState } from './context';
import { createAppServices, resolveServerUrl, type AppServices } from './services';
import { Layout } from './Layout';
import { LoginPage } from '../features/login/LoginPage';
import { PasswordChangedPage } from '../features/login/PasswordChangedPage';
import { DeviceSetupPage } from '../features/login/DeviceSetupPage';
import { ServerSetupPage } from '../features/login/ServerSetupPage';

type Boot = { state: 'starting' } | { state: 'needsServer' } | { state: 'unsupported'; message: string } | { state: 'ready'; services: AppServices };

function unsupportedReason(): string | undefined {
  // WebCrypto (the key vault) exists only in secure contexts: HTTPS, localhost or the desktop app.
  if (!window.isSecureContext || !globalThis.crypto?.subtle) return uiMessages.app.insecureContext;
  if (!('indexedDB' in window)) return uiMessages.app.unsupportedBrowser;
  return undefined;
}

/**
 * The hash router keeps every screen's address after the `#`, so the same build works
 * from `kizuna://app/` in Electron and from the server's origin as a PWA.
 */
export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  useEffect(() => {
    const reason = unsupportedReason();
    if (reason) {
      setBoot({ state: 'unsupported', message: reason });
      return;
    }
    void resolveServerUrl().then((url) => setBoot(url === null ? { state: 'needsServer' } : { state: 'ready', services: createAppServices(url) }));
  }, []);

  switch (boot.state) {
    case 'starting':
      return <p role="status">{uiMessages.app.loading}</p>;
    case 'unsupported':
      return (
        <main id="main">
          <h1>{uiMessages.app.fullName}</h1>
          <p role="alert">{boot.message}</p>
        </main>
      );
    case 'needsServer':
      return <ServerSetupPage />;
    case 'ready':
      return (
        <ServicesProvider services={boot.services}>
          <HashRouter>
            <SessionGate />
          </HashRouter>
        </ServicesProvider>
      );
  }
}

function SessionGate() {
  const state = useSessionState();
  switch (state.status) {
    case 'open':
      return (
        <OpenSessionProvider key={state.session.userId} session={state.session}>
          <Layout />
        </OpenSessionProvider>
      );
    case 'serverOnly':
      return (
        <ServerOnlySessionProvider key={state.session.userId} session={state.session}>
          <Layout />
        </ServerOnlySessionProvider>
      );
    // One LoginPage for both, so what was typed and the error shown survive the round trip.
    case 'working':
      return <LoginPage working />;
    case 'signedOut':
      return <LoginPage notice={state.notice} lastUserId={state.lastUserId} working={false} />;
    case 'passwordChanged':
      return <PasswordChangedPage />;
    case 'deviceSetup':
      return <DeviceSetupPage message={state.message} />;
  }
}
