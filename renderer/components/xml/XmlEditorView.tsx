import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { HelperText, HelperTextItem } from '@patternfly/react-core';
import { useEffect, useId, useRef } from 'react';
import { useDarkTheme } from './dark-mode.js';
import { shadowOf } from './shadow-root.js';
import type { XmlEditorProps, XmlError } from './xml-editor-props.js';
import { xmlTheme } from './xml-theme.js';
import './xml.css';

// Marks the transactions that bring in a new `value` prop.
const fromProps = Annotation.define<boolean>();

function diagnostics(state: EditorState, error: XmlError | undefined): Diagnostic[] {
  if (error?.line === undefined) return [];
  const line = state.doc.line(Math.min(Math.max(1, error.line), state.doc.lines));
  return [{ from: line.from, to: line.to, severity: 'error', message: error.message }];
}

/** The CodeMirror XML editor (loaded on demand by XmlEditor). */
export default function XmlEditorView({ value, onChange, readOnly = false, label, error }: XmlEditorProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const dark = useDarkTheme();
  const errorId = useId();
  // The newest callback, read by the one update listener made with the view.
  const changed = useRef(onChange);
  changed.current = onChange;
  const compartments = useRef({ theme: new Compartment(), readOnly: new Compartment(), aria: new Compartment() });

  useEffect(() => {
    const c = compartments.current;
    const extensions: Extension[] = [
      lineNumbers(), foldGutter(), highlightActiveLineGutter(), highlightActiveLine(), history(), indentOnInput(),
      bracketMatching(), search(), highlightSelectionMatches(), lintGutter(), xml(), EditorView.lineWrapping,
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab]),
      c.theme.of(xmlTheme(dark)), c.readOnly.of(EditorState.readOnly.of(readOnly)), c.aria.of([]),
      EditorView.updateListener.of((u) => {
        // A new `value` from the parent is not a change to send back; everything else (typing, undo, paste) is.
        if (u.docChanged && !u.transactions.some((tr) => tr.annotation(fromProps)))
          changed.current?.(u.state.doc.toString());
      }),
    ];
    if (!host.current) return;
    const root = shadowOf(host.current);
    const v = new EditorView({ root, parent: root, state: EditorState.create({ doc: value, extensions }) });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is made once; later props reach it through the effects below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: fromProps.of(true) });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.theme.reconfigure(xmlTheme(dark)) });
  }, [dark]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({
      effects: [
        compartments.current.readOnly.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        compartments.current.aria.reconfigure(EditorView.contentAttributes.of({
          'aria-label': label,
          'aria-multiline': 'true',
          'aria-readonly': String(readOnly),
          ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
        })),
      ],
    });
  }, [readOnly, label, error, errorId]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnostics(v.state, error)));
  }, [error, value]);

  return (
    <div className="xml-editor">
      <div ref={host} className={error ? 'xml-editor-frame xml-editor-invalid' : 'xml-editor-frame'} data-testid="xml-editor" />
      {error && (
        <HelperText id={errorId}>
          <HelperTextItem variant="error">{error.line !== undefined ? `${error.line}: ${error.message}` : error.message}</HelperTextItem>
        </HelperText>
      )}
    </div>
  );
}
