import type { Strings } from '../index.js';

// Simplified Chinese strings of the vmdetails area: exactly the keys of ../en/vmdetails.ts.
export const vmdetails: Strings['vmdetails'] = {
};
