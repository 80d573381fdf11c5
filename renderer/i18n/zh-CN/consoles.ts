import type { Strings } from '../index.js';

// Simplified Chinese strings of the consoles area: exactly the keys of ../en/consoles.ts.
export const consoles: Strings['consoles'] = {
};
