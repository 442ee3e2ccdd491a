// A Japanese application menu. Kept rather than removed because its zoom items give the
// keyboard shortcuts (Ctrl + / Ctrl - / Ctrl 0) that let staff enlarge text, which the
// accessibility target (JIS X 8341-3) requires; developer tools only outside installs.
import { desktopMessages } from '../shared/messages/ja';
import type { MenuItemOptions } from './electron-api';

export function menuTemplate(options: { devTools: boolean }): MenuItemOptions[] {
  const m = desktopMessages.menu;
  const separator: MenuItemOptions = { type: 'separator' };
  return [
    { label: m.file, submenu: [{ role: 'quit', label: m.quit }] },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        separator,
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'reload', label: m.reload },
        separator,
        { role: 'resetZoom', label: m.resetZoom },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        separator,
        { role: 'togglefullscreen', label: m.fullScreen },
        ...(options.devTools ? [separator, { role: 'toggleDevTools', label: m.devTools }] : []),
      ],
    },
  ];
}
