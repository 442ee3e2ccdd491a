import { useEffect } from 'react';
import { initialSyncStatus, startSync } from '../sync/index';
import type { OpenSession } from '../session/session-service';
import { watchBrowserOnline, watchLocalIssueCounts } from '../features/sync-status/status-store';
import { keepPinsWithTheirDocuments } from '../features/documents/pinned-files';
import type { AppServices } from './services';

/**
 * Runs the sync engine (renderer/sync/, issue 4) while a user's data is open after an
 * online sign-in, and feeds the status bar. After an offline unlock there is no server
 * session to sync with: the bar shows the browser's own online state until the user
 * signs in again. Every complete sync renews the offline lease; a revoked device is
 * wiped, an expired server session locks the screen for a new sign-in.
 */
export function useSessionSync(session: OpenSession, services: AppServices): void {
  const { serverUrl, records, syncStatus, session: service } = services;
  useEffect(() => {
    syncStatus.update(initialSyncStatus);
    const stopCounts = watchLocalIssueCounts(session.db, syncStatus);
    const stopPins = keepPinsWithTheirDocuments(session.db);
    if (!session.online || session.token === undefined) {
      const stopOnline = watchBrowserOnline(syncStatus);
      return () => {
        stopOnline();
        stopCounts();
        stopPins();
      };
    }
    const device = records.identity();
    const engine = startSync({
      serverUrl,
      token: session.token,
      database: session.db,
      deviceHeader: `${device.id}:${device.token}`,
      actor: { userId: session.user.id, permissions: session.user.permissions, allCenters: session.user.allCenters, centers: session.user.centers },
      status: syncStatus,
      onDeviceRevoked: () => void service.wipeDevice(),
      onSessionExpired: () => void service.lock('sessionExpired'),
    });
    const unregister = service.beforeClose(() => engine.stop());
    let lastSuccess = syncStatus.get().lastSuccessAt;
    const stopLease = syncStatus.subscribe(() => {
      const at = syncStatus.get().lastSuccessAt;
      if (at !== null && at !== lastSuccess) {
        lastSuccess = at;
        service.markVerified();
      }
    });
    return () => {
      stopLease();
      stopCounts();
      stopPins();
      unregister();
      void engine.stop();
    };
  }, [session, serverUrl, records, syncStatus, service]);
}
