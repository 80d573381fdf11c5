import { HelperText, HelperTextItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../main/api/contract/index.js';
import { connectionHintText } from './connection-hint-text.js';

/** A failed connection: what it means and what to do (when Hangar knows), then libvirt's own message beneath. */
export function ConnectionError({ state }: { state: Extract<ConnectionState, { state: 'error' }> }): React.JSX.Element {
  const { t } = useTranslation();
  const advice = state.hint === undefined ? undefined : connectionHintText(t, state.hint);
  return (
    <HelperText className="connection-error">
      {advice !== undefined && <HelperTextItem variant="warning" className="connection-hint">{advice}</HelperTextItem>}
      <HelperTextItem variant="error" translate="no" className="connection-message">{state.message}</HelperTextItem>
    </HelperText>
  );
}
