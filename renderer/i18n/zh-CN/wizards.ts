import type { Strings } from '../index.js';

// Simplified Chinese strings of the wizards area: exactly the keys of ../en/wizards.ts.
export const wizards: Strings['wizards'] = {
};
