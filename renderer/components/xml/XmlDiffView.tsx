import { xml } from '@codemirror/lang-xml';
import { unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useDarkTheme } from './dark-mode.js';
import type { XmlDiffProps } from './xml-editor-props.js';
import { shadowOf } from './shadow-root.js';
import { diffTheme } from './xml-theme.js';
import './xml.css';

/** A read-only unified diff of two XML documents (loaded on demand by XmlDiff): removed lines above added ones. */
export default function XmlDiffView({ before, after, label }: XmlDiffProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkTheme();
  const theme = useRef(new Compartment());
  const view = useRef<EditorView | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const root = shadowOf(host.current);
    const v = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: after,
        extensions: [
          lineNumbers(), xml(), EditorView.lineWrapping, EditorState.readOnly.of(true), EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          unifiedMergeView({ original: before, mergeControls: false, highlightChanges: true, gutter: true,
            collapseUnchanged: { margin: 3, minSize: 8 } }),
          theme.current.of(diffTheme(document.documentElement.classList.contains('pf-v6-theme-dark'))),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [before, after, label]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(diffTheme(dark)) });
  }, [dark]);

  return <div ref={host} className="xml-editor-frame xml-diff" data-testid="xml-diff" />;
}
