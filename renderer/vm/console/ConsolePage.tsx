// The VM's Console page: a menu of its consoles (the graphical one, each serial port and text console), the one
// chosen below it, and what to do when the VM has only SPICE graphics.
import {
  Alert, AlertActionLink, Button, EmptyState, EmptyStateBody, MenuToggle, Modal, ModalBody, ModalFooter, ModalHeader, Select, SelectList,
  SelectOption, Spinner, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleDevices } from '../../../main/api/contract/consoles.js';
import { switchToVnc } from '../../consoles/switch-to-vnc.js';
import { useApi, useNotifications } from '../../state/hooks.js';
import type { VmPageProps } from '../vm-page.js';
import { SerialConsole } from './SerialConsole.js';
import { VncConsole } from './VncConsole.js';

/** virDomainState values with a running guest (running, blocked, paused). */
const ACTIVE = new Set([1, 2, 3]);
const GRAPHICAL = 'graphical';

export function ConsolePage({ connection, uuid, domain }: VmPageProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const running = ACTIVE.has(domain.state);
  const [devices, setDevices] = useState<ConsoleDevices | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirmSwitch, setConfirmSwitch] = useState(false);
  const [switched, setSwitched] = useState(false);
  const [reload, setReload] = useState(0);

  // The live XML names the consoles (and where VNC listens); it changes when the guest starts again.
  useEffect(() => {
    let live = true;
    setError(null);
    api.call('consoles.devices', { connection, key: uuid }).then((d) => live && setDevices(d), (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api, connection, uuid, domain.id, reload]);

  const vnc = devices?.graphics.find((g) => g.type === 'vnc');
  const spiceOnly = devices !== null && !vnc && devices.graphics.some((g) => g.type === 'spice');
  const options = useMemo(() => {
    const list: { id: string; label: string }[] = [];
    if (devices && devices.graphics.length > 0) list.push({ id: GRAPHICAL, label: t('consoles.menu.graphical', { type: (vnc ?? devices.graphics[0])?.type.toUpperCase() ?? '' }) });
    for (const s of devices?.serials ?? []) {
      if (s.openable) list.push({ id: s.alias, label: t(s.kind === 'serial' ? 'consoles.menu.serial' : 'consoles.menu.text', { n: s.port }) });
    }
    return list;
  }, [devices, vnc, t]);
  // The graphical console first where the host can carry one (a SPICE-only VM then shows its switch), else a serial one.
  const current = options.find((o) => o.id === chosen) ?? (devices?.tunnels ? options[0] : options.find((o) => o.id !== GRAPHICAL) ?? options[0]);

  const doSwitch = async (): Promise<void> => {
    setConfirmSwitch(false);
    try {
      const { xml } = await api.call('domains.xml', { connection, key: uuid, inactive: true, secure: false });
      await api.call('domains.define', { connection, xml: switchToVnc(xml), base: xml });
      setSwitched(true);
      setReload((n) => n + 1);
    } catch (e) {
      notifications.push({ variant: 'danger', title: t('consoles.spice.failed'), detail: e instanceof Error ? e.message : String(e) });
    }
  };

  if (error !== null && devices === null) {
    return <Alert variant="danger" isInline title={t('consoles.failed')}>{error}</Alert>;
  }
  if (devices === null) return <Spinner size="lg" aria-label={t('consoles.loading')} />;
  if (options.length === 0 && !spiceOnly) {
    return (
      <EmptyState titleText={t('consoles.none.title')} headingLevel="h3">
        <EmptyStateBody>{t('consoles.none.body')}</EmptyStateBody>
      </EmptyState>
    );
  }

  return (
    <div className="hangar-console-page">
      <Toolbar inset={{ default: 'insetNone' }}>
        <ToolbarContent>
          <ToolbarItem>
            <Select isOpen={menuOpen} onOpenChange={setMenuOpen} selected={current?.id}
              onSelect={(_e, v) => { setChosen(String(v)); setMenuOpen(false); }}
              toggle={(ref) => <MenuToggle ref={ref} onClick={() => setMenuOpen((o) => !o)} isExpanded={menuOpen} aria-label={t('consoles.menu.label')}>{current?.label}</MenuToggle>}>
              <SelectList>
                {options.map((o) => <SelectOption key={o.id} value={o.id}>{o.label}</SelectOption>)}
              </SelectList>
            </Select>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {switched && <Alert variant="success" isInline title={t('consoles.spice.switched')}>{running ? t('consoles.spice.restart') : t('consoles.spice.nextStart')}</Alert>}
      {current?.id === GRAPHICAL ? (
        spiceOnly ? (
          <Alert variant="warning" isInline title={t('consoles.spice.title')}
            actionLinks={<AlertActionLink onClick={() => setConfirmSwitch(true)}>{t('consoles.spice.switch')}</AlertActionLink>}>
            {t('consoles.spice.body')}
          </Alert>
        ) : !devices.tunnels ? (
          <EmptyState titleText={t('consoles.vnc.unreachableTitle')} headingLevel="h3">
            <EmptyStateBody>{t('consoles.vnc.unreachableBody')}</EmptyStateBody>
          </EmptyState>
        ) : (
          <VncConsole connection={connection} uuid={uuid} name={domain.name} running={running} runId={domain.id} />
        )
      ) : current ? (
        <SerialConsole key={current.id} connection={connection} uuid={uuid} alias={current.id} running={running} runId={domain.id} />
      ) : null}
      {confirmSwitch && (
        <Modal isOpen variant="small" onClose={() => setConfirmSwitch(false)} aria-labelledby="spice-switch-title">
          <ModalHeader title={t('consoles.spice.confirmTitle')} labelId="spice-switch-title" titleIconVariant="warning" />
          <ModalBody>{t('consoles.spice.confirmBody', { name: domain.name })}</ModalBody>
          <ModalFooter>
            <Button onClick={() => void doSwitch()}>{t('consoles.spice.switch')}</Button>
            <Button variant="link" onClick={() => setConfirmSwitch(false)}>{t('consoles.cancel')}</Button>
          </ModalFooter>
        </Modal>
      )}
    </div>
  );
}
