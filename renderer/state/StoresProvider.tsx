import { createContext, useContext, type ReactNode } from 'react';
import { ApiClient } from './api-client.js';
import { AppStores } from './app-stores.js';

const StoresContext = createContext<AppStores | null>(null);

let appWide: AppStores | undefined;

/**
 * The app's one ApiClient and its stores, made on first use and disposed when the page goes away (not with a
 * component: React may mount and unmount the provider twice in development).
 */
export function appStores(): AppStores {
  if (!appWide) {
    const client = new ApiClient();
    const stores = new AppStores(client);
    void stores.start();
    addEventListener('pagehide', () => {
      stores.dispose();
      client.close();
    }, { once: true });
    appWide = stores;
  }
  return appWide;
}

/** Gives the views below it the stores (the app's, or a test's own). */
export function StoresProvider({ stores, children }: { stores?: AppStores; children: ReactNode }): React.JSX.Element {
  return <StoresContext.Provider value={stores ?? appStores()}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() outside <StoresProvider>');
  return stores;
}
