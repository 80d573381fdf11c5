import type { Strings } from '../index.js';

// Simplified Chinese strings of the vmhistory area: exactly the keys of ../en/vmhistory.ts.
export const vmhistory: Strings['vmhistory'] = {
};
