import { createContext, useContext, type ReactNode } from 'react';
import type { AppStores } from './app-stores.js';
import { appStores } from './app-stores-instance.js';

const StoresContext = createContext<AppStores | null>(null);

/** Gives the views below it the stores (the app's, or a test's own). */
export function StoresProvider({ stores, children }: { stores?: AppStores; children: ReactNode }): React.JSX.Element {
  return <StoresContext.Provider value={stores ?? appStores()}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() outside <StoresProvider>');
  return stores;
}
