// history.*: the edit history of each VM (every applied change's XML before and after).
export const historyCalls = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as history calls land
export interface HistoryResults {}
