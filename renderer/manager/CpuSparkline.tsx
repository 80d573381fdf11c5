import { useTranslation } from 'react-i18next';
import { Sparkline } from '../components/Sparkline.js';
import { useStats } from '../state/hooks.js';

/** A running VM's guest CPU over the last samples; mounted only for running VMs, so idle hosts cost nothing. */
export function CpuSparkline({ connection, uuid, name }: { connection: string; uuid: string; name: string }): React.JSX.Element {
  const { t } = useTranslation();
  const samples = useStats({ connection, key: uuid });
  return <Sparkline values={samples.map((s) => s.cpuPercent)} label={t('manager.cpuGraph', { name })} />;
}
