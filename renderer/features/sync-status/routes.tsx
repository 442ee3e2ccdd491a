import { Route } from 'react-router-dom';
import { ConflictPage } from './ConflictPage';
import { RejectionPage } from './RejectionPage';
import { SyncIssuesPage } from './SyncIssuesPage';

/** The sync-issue screens, placed inside the app's <Routes>. */
export const syncIssueRoutes = (
  <>
    <Route path="/sync" element={<SyncIssuesPage />} />
    <Route path="/sync/conflicts/:conflictId" element={<ConflictPage />} />
    <Route path="/sync/rejections/:rejectionId" element={<RejectionPage />} />
  </>
);
