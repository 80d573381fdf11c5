// English strings of the vmhistory area (one file per area, so that each area's pages own their table).
export const vmhistory = {
} as const;
