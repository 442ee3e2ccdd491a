// Property fragments every schema reuses, so that a date or a center code means the same
// thing in the client store, the server's validation and the migration.
//
// Dates are ISO strings: `YYYY-MM-DD` for calendar dates (the UI shows them in 和暦),
// `YYYY-MM-DDTHH:MM:SS(.sss)Z` (UTC) for instants. Codes are zero-padded strings, never
// numbers (legacy/FORMAT.md).

export const idProperty = { type: 'string', minLength: 1, maxLength: 120 } as const;

export const isoDate = { type: 'string', maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;

export const isoDateTime = {
  type: 'string',
  maxLength: 30,
  // Spelled without a quantified group: z-schema (the client store's validator, which
  // must avoid eval) refuses nested quantifiers such as `(\\.[0-9]{1,3})?` as ReDoS risks.
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[.][0-9]Z|[.][0-9]{2}Z|[.][0-9]{3}Z)$',
} as const;

/** Minutes of the day as `HH:MM` (legacy `HHMM` is normalised on import). */
export const timeOfDay = { type: 'string', maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;

/** A center code (`01`…) or `cityHall` for records City Hall owns itself. */
export const centerIdProperty = { type: 'string', minLength: 2, maxLength: 8, pattern: '^([0-9]{2}|cityHall)$' } as const;

export const residentCode = { type: 'string', maxLength: 10, pattern: '^[0-9]{10}$' } as const;
export const insuredNumber = { type: 'string', maxLength: 10, pattern: '^[0-9]{10}$' } as const;
export const insurerNumber = { type: 'string', maxLength: 6, pattern: '^[0-9]{6}$' } as const;
/** 事業者番号 and 医療機関コード: 10 characters, digits in practice, letters tolerated. */
export const providerNumber = { type: 'string', maxLength: 10, pattern: '^[0-9A-Z]{10}$' } as const;
export const medicalInstitutionCode = providerNumber;

export const careLevelCode = {
  type: 'string',
  enum: ['01', '06', '09', '12', '13', '19', '21', '22', '23', '24', '25', '99'],
} as const;

export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 20000 } as const;
export const code = { type: 'string', minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z_.-]+$' } as const;
export const phone = { type: 'string', maxLength: 30 } as const;
export const postalCode = { type: 'string', maxLength: 8, pattern: '^[0-9]{3}-?[0-9]{4}$' } as const;

/**
 * Where a migrated document came from: the legacy file and its source key. Ids derive
 * from the same key, which is what makes a re-run of the migration idempotent. `columns`
 * keeps, as read, legacy values that have no field of their own (the mapping lists them:
 * e.g. the 包括コード of a consultation, whose document lives with the person's center).
 */
export const legacySource = {
  type: 'object',
  additionalProperties: false,
  properties: {
    file: { type: 'string', maxLength: 60 },
    key: { type: 'string', maxLength: 200 },
    columns: { type: 'object', maxProperties: 20, additionalProperties: { type: 'string', maxLength: 2000 } },
  },
  required: ['file', 'key'],
} as const;

/** Who wrote a document last and when; set by the client, checked by the server. */
export const changeStamp = {
  createdAt: isoDateTime,
  createdBy: { type: 'string', maxLength: 40 },
  updatedAt: isoDateTime,
  updatedBy: { type: 'string', maxLength: 40 },
} as const;

/** Fields every document a person owns carries: the person and the owning center. */
export const personOwned = {
  personId: idProperty,
  centerId: centerIdProperty,
} as const;
