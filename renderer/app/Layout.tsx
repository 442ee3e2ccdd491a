import { useEffect, useRef, useSyncExternalStore } from 'react';
import { NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { format, uiMessages } from '../../shared/index';
import { useCaseSession, useServices, useSignedIn } from './context';
import { watchIdle } from '../session/idle';
import { SearchPage } from '../features/search/SearchPage';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { SyncStatusBar } from '../features/sync-status/SyncStatusBar';
import { syncIssueRoutes } from '../features/sync-status/routes';
import { NotFoundPage } from './NotFoundPage';
import { DeviceSettingsPage } from '../features/device-settings/DeviceSettingsPage';
import { caseWorkRoutes } from '../features/case-work/routes';
import { landingPath, mayOpen, navItems, scopeText } from './navigation';
import { ForbiddenPage } from './server-screen';
import { serverScreenRoutes } from './server-routes';

const m = uiMessages.nav;

/**
 * The frame of every screen once a user is signed in: who they are, the menu of what
 * they may use and, for those who work on the local case store, its sync status.
 */
export function Layout() {
  const session = useSignedIn();
  const caseSession = useCaseSession();
  const scope = scopeText(session.user);
  const navigate = useNavigate();
  // The address a sign-in starts on may be the previous user's screen (the same tab, a
  // shared PC): one this user may not open gives way to their own first screen.
  // Once only: `navigate` changes with every move (react-router), later moves are the user's own.
  const entry = useRef<string | null>(useLocation().pathname);
  useEffect(() => {
    const path = entry.current;
    entry.current = null;
    if (path !== null && !mayOpen(session.user, path)) void navigate(landingPath(session.user), { replace: true });
  }, [navigate, session.user]);
  const { session: service, settings } = useServices();
  const { idleMinutes } = useSyncExternalStore(settings.subscribe, settings.get);

  useEffect(() => watchIdle({ idleMinutes, onIdle: () => void service.lock('idleLocked') }), [idleMinutes, service]);

  return (
    <div className="frame">
      <a className="skip-link" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        {uiMessages.app.skipToContent}
      </a>
      <header className="app-header">
        <p className="app-name">{uiMessages.app.name}</p>
        <nav aria-label={uiMessages.app.mainNavigation}>
          <ul>
            {navItems(session.user).map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <p className="signed-in">
          {scope === undefined ? session.user.displayName : format(m.signedInAs, { name: session.user.displayName, center: scope })}
          {!session.online && <span className="badge">{m.offlineUnlock}</span>}
        </p>
        <div className="header-actions">
          <button type="button" onClick={() => void service.lock('idleLocked')}>
            {m.lock}
          </button>
          <button type="button" onClick={() => void service.signOut()}>
            {m.signOut}
          </button>
        </div>
      </header>
      {caseSession && <SyncStatusBar />}
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to={landingPath(session.user)} replace />} />
          {caseSession ? (
            <>
              <Route path="/search" element={<SearchPage />} />
              <Route path="/persons/:personId" element={<LedgerPage />} />
              {syncIssueRoutes}
              {caseWorkRoutes}
            </>
          ) : (
            ['/search', '/persons/*', '/consultations', '/sync/*'].map((path) => <Route key={path} path={path} element={<ForbiddenPage />} />)
          )}
          <Route path="/settings" element={<DeviceSettingsPage />} />
          {serverScreenRoutes}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </div>
  );
}
