import { fileURLToPath } from 'node:url';

/** Where global-setup builds the store harness that tests open beside the app. */
export const harnessDir = fileURLToPath(new URL('./dist', import.meta.url));
