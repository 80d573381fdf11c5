// English strings of the vmdevices area (one file per area, so that each area's pages own their table).
export const vmdevices = {
} as const;
