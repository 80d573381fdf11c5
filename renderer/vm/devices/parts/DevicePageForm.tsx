import { Form } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** The form every device page and Add Hardware step is laid out in (horizontal, like the rest of Details). */
export function DeviceForm({ children, id }: { children: ReactNode; id?: string }): React.JSX.Element {
  return (
    <Form isHorizontal onSubmit={(e) => e.preventDefault()} className="hangar-device-form" id={id}>
      {children}
    </Form>
  );
}
