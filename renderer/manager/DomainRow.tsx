import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainAction, DomainSummary } from '../../main/api/contract.js';
import { Sparkline } from '../components/Sparkline.js';
import { actionsFor, stateKey } from './domain-state.js';

/** One VM in the manager list: state, name, CPU graph and the actions its state allows. Re-renders only when its data changes. */
export const DomainRow = memo(function DomainRow({ top, domain, cpu, busy, onAction }: {
  top: number;
  domain: DomainSummary;
  cpu: readonly number[];
  busy: boolean;
  onAction: (domain: DomainSummary, action: DomainAction) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const key = stateKey(domain.state);
  return (
    <li className="domain-row" data-uuid={domain.uuid} data-state={key} aria-label={domain.name} style={{ transform: `translateY(${top}px)` }}>
      <span className={`state-icon state-${key}`} aria-hidden="true" />
      <span className="domain-name">{domain.name}</span>
      <span className="domain-state">{t(`state.${key}`)}</span>
      <Sparkline values={cpu} label={t('manager.cpuGraph', { name: domain.name })} />
      <span className="domain-actions">
        {actionsFor(domain.state).map((action) => (
          <button key={action} disabled={busy} onClick={() => onAction(domain, action)}>{t(`action.${action}`)}</button>
        ))}
      </span>
    </li>
  );
});
