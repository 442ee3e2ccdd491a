// IPC channel names shared by the preload bridge and the main process handlers.
export const ipcChannels = {
  getServerUrl: 'kizuna:get-server-url',
  setServerUrl: 'kizuna:set-server-url',
  printToPdf: 'kizuna:print-to-pdf',
  savePdf: 'kizuna:save-pdf',
} as const;
