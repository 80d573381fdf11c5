// Things the app found at start-up that the user should hear about, once, in the UI (the API passes them on).

/** connections.json could not be read as saved connections: it was moved aside and the list started empty. */
export interface AppNotice {
  readonly kind: 'connections-file-damaged';
  /** The file that was damaged. */
  readonly file: string;
  /** Where it is now (never deleted: the user may want to repair it by hand). */
  readonly movedTo: string;
  /** What was wrong with it, e.g. the JSON parser's message. */
  readonly reason: string;
}
