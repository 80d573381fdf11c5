import { Icon } from '@patternfly/react-core';
import { ExclamationCircleIconConfig } from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { InProgressIconConfig } from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { OffIconConfig } from '@patternfly/react-icons/dist/esm/icons/off-icon';
import { PauseCircleIconConfig } from '@patternfly/react-icons/dist/esm/icons/pause-circle-icon';
import { PlayCircleIconConfig } from '@patternfly/react-icons/dist/esm/icons/play-circle-icon';
import { QuestionCircleIconConfig } from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';
import type { StateKey } from '../manager/domain-state.js';

interface IconShape { readonly width: number; readonly height: number; readonly xOffset?: number; readonly yOffset?: number; readonly svgPathData: string }
interface IconConfig { readonly icon: IconShape; readonly rhUiIcon: IconShape }

const viewBox = (s: IconShape): string => `${s.xOffset ?? 0} ${s.yOffset ?? 0} ${s.width} ${s.height}`;

/**
 * A PatternFly icon in the markup its icon components render (an outer svg holding the default and the rh-ui
 * drawing), but one element tree for every icon: a list row that shows another VM's state changes two paths'
 * data instead of replacing the svg (new elements cost a style recalculation each while scrolling).
 */
function StateSvg({ config }: { config: IconConfig }): React.JSX.Element {
  return (
    <svg className="pf-v6-svg" fill="currentColor" aria-hidden role="img" width="1em" height="1em">
      <svg viewBox={viewBox(config.icon)} className="pf-v6-icon-default"><path d={config.icon.svgPathData} /></svg>
      <svg viewBox={viewBox(config.rhUiIcon)} className="pf-v6-icon-rh-ui"><path d={config.rhUiIcon.svgPathData} /></svg>
    </svg>
  );
}

function look(state: StateKey): { status?: 'success' | 'warning' | 'info' | 'danger'; config: IconConfig } {
  switch (state) {
    case 'running':
    case 'idle':
      return { status: 'success', config: PlayCircleIconConfig };
    case 'paused':
    case 'suspended':
      return { status: 'warning', config: PauseCircleIconConfig };
    case 'shuttingDown':
      return { status: 'info', config: InProgressIconConfig };
    case 'crashed':
      return { status: 'danger', config: ExclamationCircleIconConfig };
    case 'shutoff':
      return { config: OffIconConfig };
    default:
      return { config: QuestionCircleIconConfig };
  }
}

/** A VM's state as an icon in the state's status colour (the text beside it says the same in words). */
export function DomainStateIcon({ state }: { state: StateKey }): React.JSX.Element {
  const { status, config } = look(state);
  return <Icon status={status} size="sm"><StateSvg config={config} /></Icon>;
}
