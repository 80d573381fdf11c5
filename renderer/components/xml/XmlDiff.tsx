import { Skeleton } from '@patternfly/react-core';
import { lazy, Suspense } from 'react';
import type { XmlDiffProps } from './xml-editor-props.js';

export type { XmlDiffProps } from './xml-editor-props.js';

// Loaded on demand, like the editor (CodeMirror and its merge view).
const View = lazy(() => import('./XmlDiffView.js'));

/** A read-only unified diff of two XML documents, the changed lines highlighted. */
export function XmlDiff(props: XmlDiffProps): React.JSX.Element {
  return (
    <Suspense fallback={<Skeleton height="12rem" screenreaderText={props.label} />}>
      <View {...props} />
    </Suspense>
  );
}
