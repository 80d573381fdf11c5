import { Icon } from '@patternfly/react-core';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import InProgressIcon from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import OffIcon from '@patternfly/react-icons/dist/esm/icons/off-icon';
import PauseCircleIcon from '@patternfly/react-icons/dist/esm/icons/pause-circle-icon';
import PlayCircleIcon from '@patternfly/react-icons/dist/esm/icons/play-circle-icon';
import QuestionCircleIcon from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';
import type { StateKey } from '../manager/domain-state.js';

/** A VM's state as an icon in the state's status colour (the text beside it says the same in words). */
export function DomainStateIcon({ state }: { state: StateKey }): React.JSX.Element {
  switch (state) {
    case 'running':
    case 'idle':
      return <Icon status="success" size="sm"><PlayCircleIcon aria-hidden /></Icon>;
    case 'paused':
    case 'suspended':
      return <Icon status="warning" size="sm"><PauseCircleIcon aria-hidden /></Icon>;
    case 'shuttingDown':
      return <Icon status="info" size="sm"><InProgressIcon aria-hidden /></Icon>;
    case 'crashed':
      return <Icon status="danger" size="sm"><ExclamationCircleIcon aria-hidden /></Icon>;
    case 'shutoff':
      return <Icon size="sm"><OffIcon aria-hidden /></Icon>;
    default:
      return <Icon size="sm"><QuestionCircleIcon aria-hidden /></Icon>;
  }
}
