// Every web page Electron creates is confined to the app: it cannot navigate or be
// redirected elsewhere, open windows, or embed <webview>s. A page that escaped to
// another origin would keep the preload bridge and the user's session, so these are
// refused outright rather than checked case by case.
import { isAppUrl } from '../app-origin';
import type { PreventableEvent, WebContents } from '../electron-api';

export function guardWebContents(contents: WebContents): void {
  const stayInApp = (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      console.warn(`Blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // External links are not opened in the OS browser either: the centers' PCs reach no
  // internet, and a link out of a case record is a way to leak what it names.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
