import type { MenuItemConstructorOptions } from 'electron';

/** The application menu, with the usual accelerators. */
export function appMenuTemplate(isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [isMac ? { role: 'close' as const } : { role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
