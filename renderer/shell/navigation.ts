import { createContext, useContext } from 'react';
import type { TabRoute } from './routes.js';

/** What any view may ask of the shell: open a tab (or switch to it), close one. */
export interface Navigation {
  readonly activeId: string;
  open(route: TabRoute): void;
  close(id: string): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation() outside the app shell');
  return nav;
}
