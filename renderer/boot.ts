// The page's entry: opens the socket to the service and asks for the window's first lists, then loads the window.
// Chromium sends the socket's handshake only once the page's script yields, so the window (React, PatternFly and
// the pages, a few hundred milliseconds of evaluation) comes as a dynamic import: the first lists travel meanwhile.
import { appStores } from './state/app-stores-instance.js';

appStores();
void import('./window.js');
