import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, idProperty, isoDate, isoDateTime, legacySource, longText, personOwned, shortText } from './common';

export const documentTypes = ['physicianOpinion', 'certificationSurvey', 'other'] as const; // 01 主治医意見書 / 02 認定調査票 / 03 その他

/**
 * イメージファイリング and plan attachments. The document's metadata and OCR text sync
 * eagerly; its bytes stay on the server and are fetched on demand (DESIGN.md decision 7).
 */
export const documentSchema = {
  title: 'document',
  description: 'a scanned document (PDF with OCR text) or a file attached to a plan',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    kind: { type: 'string', enum: ['scan', 'planAttachment'] },
    documentNumber: { type: 'string', maxLength: 20 }, // 文書番号 / 添付番号
    documentType: { type: 'string', enum: documentTypes },
    receivedOn: isoDate, // 受付日 / 登録日
    title: shortText,
    fileName: { type: 'string', maxLength: 255 },
    pageCount: { type: 'integer', minimum: 0, maximum: 10000 },
    /** For attachments: the plan they belong to. */
    planType: { type: 'string', enum: ['preventionPlan', 'communityProgramPlan', 'providerPlan'] },
    planId: idProperty,
    file: {
      type: 'object',
      additionalProperties: false,
      properties: {
        contentType: { type: 'string', maxLength: 100 },
        size: { type: 'integer', minimum: 0 },
        sha256: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
      },
      required: ['contentType', 'size', 'sha256'],
    },
    ocr: {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: { type: 'string', enum: ['pending', 'running', 'done', 'failed', 'notApplicable'] },
        text: longText,
        updatedAt: isoDateTime,
        error: shortText,
      },
      required: ['status'],
    },
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'kind', 'fileName', 'updatedAt'],
  indexes: ['personId'],
  encrypted: ['title', 'fileName', 'ocr'],
} as const;

export type KizunaDocument = FromSchema<typeof documentSchema>;
