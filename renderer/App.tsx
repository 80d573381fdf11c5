import { StoresProvider } from './state/hooks.js';
import { AppShell } from './shell/AppShell.js';

export function App(): React.JSX.Element {
  return (
    <StoresProvider>
      <AppShell />
    </StoresProvider>
  );
}
