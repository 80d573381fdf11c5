import { useTranslation } from 'react-i18next';
import { enableSharedMemory, hasSharedMemory, type DomainXml } from '../../../drivers/xml/index.js';
import { formatBytes } from '../../components/format.js';
import { useHostInfo } from '../../manager/use-host-cpus.js';
import { DeviceForm } from '../devices/parts/DevicePageForm.js';
import { CheckField, InfoField } from '../devices/parts/FormParts.js';
import { CountField } from './CountField.js';
import { editField, type SectionPageProps } from './section-page.js';

const MiB = 1024 * 1024;

/** Undoes enableSharedMemory: shared access (and the memfd source it brought) go; other backing settings stay. */
function disableSharedMemory(dom: DomainXml): void {
  const mb = dom.element.child('memoryBacking');
  if (mb === undefined) return;
  const access = mb.child('access');
  if (access?.attr('mode') === 'shared') mb.removeChild(access);
  const source = mb.child('source');
  if (source?.attr('type') === 'memfd') mb.removeChild(source);
  if (mb.elements.length === 0) dom.element.removeChild(mb);
}

/** Memory: what the guest has now (its balloon, live) and at most (next boot), and whether it is shared. */
export function MemoryPage(props: SectionPageProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { connection, draft, live, running } = props;
  const host = useHostInfo(connection);
  const max = Math.round((draft.memory ?? 0) / MiB);
  const current = Math.round((draft.currentMemory ?? draft.memory ?? 0) / MiB);
  // The balloon can give the running guest at most what it was started with.
  const liveMax = running ? Math.round((live?.memory ?? draft.memory ?? 0) / MiB) : max;
  const hostMiB = host === undefined ? undefined : Math.floor(host.memoryBytes / MiB);
  const shared = hasSharedMemory(draft);
  const sharedByNuma = shared && draft.element.path('memoryBacking/access')?.attr('mode') !== 'shared';
  const invalid = (field: string) => (m: string | undefined): void => props.onInvalid(field, m);
  return (
    <DeviceForm id="vm-memory">
      <InfoField id="vm-host-memory" label={t('vmdetails.memory.host')}
        value={host === undefined ? t('common.loading') : formatBytes(host.memoryBytes, i18n.language)} />
      <CountField id="vm-memory-current" label={t('vmdetails.memory.current')} value={current} unit="MiB" max={liveMax} onInvalid={invalid('currentMemory')}
        help={running ? t('vmdetails.memory.currentLive', { max: liveMax }) : t('vmdetails.memory.currentHelp')}
        commit={(n) => editField(props, 'currentMemory', () => {
          draft.currentMemory = n * MiB;
        })} />
      <CountField id="vm-memory-max" label={t('vmdetails.memory.maximum')} value={max} unit="MiB" onInvalid={invalid('memory')}
        help={running ? t('vmdetails.memory.maximumRunning') : undefined}
        warning={hostMiB !== undefined && max > hostMiB ? t('vmdetails.memory.overcommit', { host: formatBytes(hostMiB * MiB, i18n.language) }) : undefined}
        commit={(n) => editField(props, 'memory', () => {
          const cur = draft.currentMemory;
          draft.memory = n * MiB;
          // Less than what it has now lowers what it has now too.
          if (cur === undefined || cur > n * MiB) draft.currentMemory = n * MiB;
        })} />
      <CheckField id="vm-shared-memory" label={t('vmdetails.memory.shared')} checked={shared} isDisabled={sharedByNuma}
        help={sharedByNuma ? t('vmdetails.memory.sharedNuma') : t('vmdetails.memory.sharedHelp')}
        onChange={(on) => editField(props, 'memoryBacking', () => {
          if (on) enableSharedMemory(draft);
          else disableSharedMemory(draft);
        })} />
    </DeviceForm>
  );
}
