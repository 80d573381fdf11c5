import type { Strings } from '../index.js';

// Simplified Chinese strings of the vmdevices area: exactly the keys of ../en/vmdevices.ts.
export const vmdevices: Strings['vmdevices'] = {
};
