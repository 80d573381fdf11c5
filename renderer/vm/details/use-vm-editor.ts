import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DomainSummary } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { VmEditor } from './vm-editor.js';

/**
 * The VM's editor for as long as the Details page shows it: reads the definitions at once and again whenever the
 * VM's summary changes (a define, a start, a device plugged in), and re-renders the caller on every change.
 */
export function useVmEditor(connection: string, uuid: string, domain: DomainSummary): VmEditor {
  const api = useApi();
  const [editor] = useState(() => new VmEditor(api, connection, uuid));
  const subscribe = useCallback((cb: () => void) => editor.subscribe(cb), [editor]);
  useSyncExternalStore(subscribe, () => editor.version);
  useEffect(() => {
    void editor.load(domain);
  }, [editor, domain]);
  return editor;
}
