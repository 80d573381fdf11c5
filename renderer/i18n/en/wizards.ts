// English strings of the wizards area (one file per area, so that each area's pages own their table).
export const wizards = {
} as const;
