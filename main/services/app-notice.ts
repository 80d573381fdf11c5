// Things the app found at start-up that the user should hear about, once, in the UI (app.info passes them on).
// The shape is the contract's (AppNoticeView): e.g. connections.json could not be read, was moved aside (never
// deleted: the user may want to repair it by hand) and the list started empty.
export type { AppNoticeView as AppNotice } from '../api/contract/index.js';
