// English strings of the vmdetails area (one file per area, so that each area's pages own their table).
export const vmdetails = {
} as const;
