import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DomainSummary } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { VmEditor } from './vm-editor.js';

/**
 * The VM's editor for as long as the Details page shows it: reads the definitions at once and again whenever the
 * VM's summary changes (a define, a start, a device plugged in), and re-renders the caller on every change.
 */
export function useVmEditor(connection: string, uuid: string, domain: DomainSummary): VmEditor {
  const api = useApi();
  // The definitions are asked for as the page is made, not after it is first drawn: the request overlaps the
  // drawing of the tab around it.
  const first = useRef(domain);
  const [editor] = useState(() => {
    const e = new VmEditor(api, connection, uuid);
    void e.load(domain);
    return e;
  });
  const subscribe = useCallback((cb: () => void) => editor.subscribe(cb), [editor]);
  useSyncExternalStore(subscribe, () => editor.version);
  useEffect(() => {
    if (domain === first.current) return;
    first.current = domain;
    void editor.load(domain);
  }, [editor, domain]);
  return editor;
}
