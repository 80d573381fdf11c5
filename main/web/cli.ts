// `npm run web`: Hangar in a browser, on loopback.
import { serveUntilStopped } from './browser-mode.js';

await serveUntilStopped();
