import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../main/api/contract/index.js';
import { connectionStatus } from './connection-state.js';

/** A connection's state in words and colour; an error keeps the host's message as it is. */
export function ConnectionStateLabel({ state, compact = false }: { state: ConnectionState; compact?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const status = connectionStatus(state);
  const text = state.state === 'error' && state.retryInMs !== undefined ? t('connection.errorRetrying') : t(`connection.${state.state}`);
  return (
    <Label isCompact={compact} role="status" data-connection-state={state.state} {...(status ? { status } : {})}>{text}</Label>
  );
}
