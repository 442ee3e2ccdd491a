import { useEffect, useSyncExternalStore } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { caseWorkMessages, centerName, format, uiMessages } from '../../shared/index';
import { useOpenSession, useServices } from './context';
import { watchIdle } from '../session/idle';
import { SearchPage } from '../features/search/SearchPage';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { SyncStatusBar } from '../features/sync-status/SyncStatusBar';
import { syncIssueRoutes } from '../features/sync-status/routes';
import { NotFoundPage } from './NotFoundPage';
import { DeviceSettingsPage } from '../features/device-settings/DeviceSettingsPage';
import { caseWorkRoutes } from '../features/case-work/routes';

const m = uiMessages.nav;

function scopeText(user: { allCenters: boolean; centers: readonly string[] }): string {
  if (user.allCenters) return uiMessages.layout.allCenters;
  return user.centers.map(centerName).join('・');
}

/** The frame of every screen once a user's data is open: who is signed in, the sync status, the menu. */
export function Layout() {
  const session = useOpenSession();
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
            <li>
              <NavLink to="/search">{m.search}</NavLink>
            </li>
            <li>
              <NavLink to="/consultations">{caseWorkMessages.consultation.nav}</NavLink>
            </li>
            <li>
              <NavLink to="/sync">{m.syncIssues}</NavLink>
            </li>
            <li>
              <NavLink to="/settings">{m.settings}</NavLink>
            </li>
          </ul>
        </nav>
        <p className="signed-in">
          {format(m.signedInAs, { name: session.user.displayName, center: scopeText(session.user) })}
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
      <SyncStatusBar />
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to="/search" replace />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/persons/:personId" element={<LedgerPage />} />
          {syncIssueRoutes}
          <Route path="/settings" element={<DeviceSettingsPage />} />
          {caseWorkRoutes}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </div>
  );
}
