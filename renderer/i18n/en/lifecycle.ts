// English strings of the lifecycle area (one file per area, so that each area's pages own their table).
export const lifecycle = {
} as const;
