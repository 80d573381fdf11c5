// English strings of the consoles area (one file per area, so that each area's pages own their table).
export const consoles = {
} as const;
