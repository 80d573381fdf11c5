// The window itself: React, PatternFly and the app, evaluated once boot.ts has opened the service's socket.
import '@patternfly/react-core/dist/styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';
import { applyTheme, storedTheme } from './shell/theme.js';
import './styles.css';

initI18n();
// Before the first paint, so a dark desktop never flashes light.
applyTheme(storedTheme())();
// With the socket's marks (state/api-client.ts): where a slow start-up spends its time.
performance.mark('hangar:window-evaluated');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
