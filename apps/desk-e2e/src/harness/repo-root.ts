import { resolve } from 'node:path';

/** The workspace root: builds, the desk's dist and test-output are found from here. */
export const REPO_ROOT = resolve(__dirname, '../../../..');
