// consoles.*: serial and graphical consoles, carried on byte channels (see channels.ts).
export const consolesCalls = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as console calls land
export interface ConsolesResults {}
