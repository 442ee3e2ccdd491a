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
import { centerDatabaseName } from '../storage/names';
import type { StorageEngine } from '../storage/port';

const documentIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;

async function findDocument(storage: StorageEngine, id: string, centers: readonly string[]): Promise<{ centerId: string; doc: KizunaDocument } | undefined> {
  for (const centerId of centers) {
    const name = centerDatabaseName('documents', centerId);
    if (!(await storage.exists(name))) continue;
    const doc = await (await storage.open(name)).get(id);
    if (doc && doc._deleted !== true) return { centerId, doc: doc as unknown as KizunaDocument };
  }
  return undefined;
}

/** `attachment` with the Japanese file name in RFC 5987 form, and a plain fallback for old clients. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const documentRoutes: RouteModule = (api, ctx) => {
  const files = createFileStore(ctx.storage);

  api.get('/documents/:id/file', { access: 'case.read', operation: 'read', menu: 'api:documents.file', labels: 'common', params: { id: documentIdPattern } }, async (call) => {
    const id = call.params.id ?? '';
    const target = { targetDocumentId: `documents:${id}` };
    const inScope = centersInScope(call.auth.actor, 'case.read');
    const found = await findDocument(ctx.storage, id, inScope);
    if (!found) {
      // Out of scope and absent answer alike; only the audit log tells them apart.
      const elsewhere = await findDocument(
        ctx.storage,
        id,
        allScopeCenters.filter((c) => !inScope.includes(c)),
      );
      await call.audit({
        operation: 'read',
        ...target,
        ...(elsewhere
          ? { result: 'denied', centerId: elsewhere.centerId, targetPersonId: elsewhere.doc.personId, detail: 'case.read:scope' }
          : { result: 'failure', detail: 'notFound' }),
      });
      throw notFound();
    }
    const { centerId, doc } = found;
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
