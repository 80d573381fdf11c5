import { Skeleton } from '@patternfly/react-core';
import { lazy, Suspense } from 'react';
import type { XmlEditorProps } from './xml-editor-props.js';

export type { XmlEditorProps, XmlError } from './xml-editor-props.js';

// CodeMirror is loaded with the first editor shown, so the manager's first paint does not carry it.
const View = lazy(() => import('./XmlEditorView.js'));

/** An XML editor with highlighting in the app's theme; `error` is shown at its line and as text below. */
export function XmlEditor(props: XmlEditorProps): React.JSX.Element {
  return (
    <Suspense fallback={<Skeleton height="12rem" screenreaderText={props.label} />}>
      <View {...props} />
    </Suspense>
  );
}
