// osinfo.*: the OS database (Debian's osinfo-db) and OS detection from install media.
export const osinfoCalls = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as osinfo calls land
export interface OsinfoResults {}
