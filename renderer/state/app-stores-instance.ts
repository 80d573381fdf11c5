import { ApiClient } from './api-client.js';
import { AppStores } from './app-stores.js';

let appWide: AppStores | undefined;

/**
 * The app's one ApiClient and its stores, made on first use and disposed when the page goes away (not with a
 * component: React may mount and unmount the provider twice in development). React-free, so that the entry can
 * open the service's socket before React and PatternFly are evaluated.
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
