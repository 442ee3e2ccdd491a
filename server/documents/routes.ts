// GET /api/documents/:id/file: the bytes of a scanned document or a plan attachment.
// A document's metadata and OCR text replicate to devices with the rest of the case;
// its bytes stay on the server until someone opens them (DESIGN.md decision 7), so the
// same scope check and audit as a person's read apply to each download.
import { allScopeCenters, centersInScope } from '../../shared/access/policy';
import { serverMessages, type KizunaDocument } from '../../shared/index';
import { notFound } from '../access/guard';
import { createFileStore, FileIntegrityError } from '../files/store';
import type { RouteModule } from '../http/api-router';
import { ApiError } from '../http/errors';
import { recordIdPattern } from '../http/validate';
import { Locator, type Located } from '../replication/locate';

// Stored documents passed the schema when they were written.
const documentOf = (located: Located): KizunaDocument => located.doc as unknown as KizunaDocument;

/** `attachment` with the Japanese file name in RFC 5987 form, and a plain fallback for old clients. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const documentRoutes: RouteModule = (api, ctx) => {
  const files = createFileStore(ctx.storage);

  api.get('/documents/:id/file', { access: 'case.read', operation: 'read', menu: 'api:documents.file', labels: 'common', params: { id: recordIdPattern } }, async (call) => {
    const id = call.params.id ?? '';
    const target = { targetDocumentId: `documents:${id}` };
    const inScope = centersInScope(call.auth.actor, 'case.read');
    const locator = new Locator(ctx.storage);
    const found = await locator.find('documents', id, inScope, false);
    if (!found) {
      // Out of scope and absent answer alike; only the audit log tells them apart.
      const elsewhere = await locator.find(
        'documents',
        id,
        allScopeCenters.filter((c) => !inScope.includes(c)),
        false,
      );
      await call.audit({
        operation: 'read',
        ...target,
        ...(elsewhere
          ? { result: 'denied', centerId: elsewhere.centerId, targetPersonId: documentOf(elsewhere).personId, detail: 'case.read:scope' }
          : { result: 'failure', detail: 'notFound' }),
      });
      throw notFound();
    }
    const { centerId } = found;
    const doc = documentOf(found);
    const about = { ...target, centerId, targetPersonId: doc.personId };
    let file;
    try {
      file = doc.file ? await files.get(centerId, doc.file.sha256) : undefined;
    } catch (error) {
      if (!(error instanceof FileIntegrityError)) throw error;
      await call.audit({ operation: 'read', ...about, result: 'failure', detail: 'file damaged' });
      throw new ApiError(500, 'fileDamaged', serverMessages.documents.fileDamaged);
    }
    if (!file) {
      await call.audit({ operation: 'read', ...about, result: 'failure', detail: 'file missing' });
      throw new ApiError(404, 'fileMissing', serverMessages.documents.fileMissing);
    }
    await call.audit({ operation: 'read', ...about, result: 'success', detail: 'file' });
    const { res } = call;
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', contentDisposition(doc.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.bytes);
    return undefined;
  });
};
