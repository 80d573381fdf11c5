import type { Strings } from '../index.js';

// Simplified Chinese strings of the lifecycle area: exactly the keys of ../en/lifecycle.ts.
export const lifecycle: Strings['lifecycle'] = {
};
