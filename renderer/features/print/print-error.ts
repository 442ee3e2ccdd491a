import { format, printMessages } from '../../../shared/index';

export type PrintErrorCode = keyof typeof printMessages.errors;

/**
 * Why a form could not be printed, in Japanese for the person who pressed 印刷, naming
 * the field at fault. Nothing is half-printed: the PDF is only returned when whole.
 */
export class PrintError extends Error {
  override name = 'PrintError';

  constructor(
    readonly code: PrintErrorCode,
    params: Readonly<Record<string, string | number>>,
    readonly field?: string,
  ) {
    super(format(printMessages.errors[code], params));
  }
}
