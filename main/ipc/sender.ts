// Only the app's own top-level page may call the main process. Checked on every call,
// because a frame's URL can change after the bridge was handed out.
import { isAppUrl } from '../app-origin';
import type { IpcMainInvokeEvent } from '../electron-api';

/** A call the main process will not serve: the page's promise rejects with this. */
export class IpcRefusedError extends Error {
  constructor(detail: string) {
    super(`IPC refused: ${detail}`);
    this.name = 'IpcRefusedError';
  }
}

export function assertAppSender(event: IpcMainInvokeEvent, channel: string): void {
  const frame = event.senderFrame;
  if (frame === null) throw new IpcRefusedError(`${channel}: the sending frame is gone`);
  if (frame.parent !== null) throw new IpcRefusedError(`${channel}: sent from a subframe (${frame.url})`);
  if (!isAppUrl(frame.url)) throw new IpcRefusedError(`${channel}: sent from ${frame.url}`);
}
