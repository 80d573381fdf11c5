// One serial or text console in xterm.js, on a byte channel fed by libvirt's console stream. It opens when the
// guest runs, says so when it does not or when another client holds the console (with a take-over), and opens
// again by itself when the guest starts again (a new domain id) or its stream drops while the guest runs.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { Alert, AlertActionLink, Button, EmptyState, EmptyStateBody, Spinner, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ByteChannel } from '../../../main/api/contract/byte-channel.js';
import { CallError } from '../../state/api-client.js';
import { mirrorInlineStyles } from '../../consoles/xterm-styles.js';
import { useApi } from '../../state/hooks.js';

type SerialState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'closed'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** libvirt's refusal when another client has the console (VIR_ERR_OPERATION_FAILED). */
const BUSY = /Active console session exists/i;
/** After a dropped stream of a running guest, wait this long before opening again (a reboot's reset, say). */
const REOPEN_MS = 1500;

export function SerialConsole({ connection, uuid, alias, running, runId }: {
  connection: string;
  uuid: string;
  alias: string;
  running: boolean;
  /** The domain id: it changes when the guest starts again, which reattaches. */
  runId: number;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const channel = useRef<ByteChannel | null>(null);
  const [state, setState] = useState<SerialState>({ kind: 'connecting' });
  /** Bumped to open again; `force` takes the console from another client. */
  const [attempt, setAttempt] = useState<{ n: number; force: boolean }>({ n: 0, force: false });

  // The terminal lives as long as the page; channels come and go under it.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const terminal = new Terminal({
      convertEol: false, cursorBlink: true, fontSize: 14, scrollback: 5000,
      fontFamily: '"Red Hat Mono", "DejaVu Sans Mono", "Liberation Mono", monospace',
    });
    const fitAddon = new FitAddon();
    terminal.loadAddon(fitAddon);
    const styles = mirrorInlineStyles(el);
    terminal.open(el);
    fitAddon.fit();
    term.current = terminal;
    fit.current = fitAddon;
    const encoder = new TextEncoder();
    const typed = terminal.onData((s) => void channel.current?.send(encoder.encode(s)).catch(() => undefined));
    const binary = terminal.onBinary((s) => void channel.current?.send(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)).catch(() => undefined));
    // Ctrl+Shift+C / Ctrl+Shift+V copy and paste, as terminals do (plain Ctrl+C goes to the guest).
    terminal.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
      if (e.code === 'KeyC') {
        void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => undefined);
        return false;
      }
      if (e.code === 'KeyV') {
        void navigator.clipboard?.readText().then((text) => terminal.paste(text)).catch(() => undefined);
        return false;
      }
      return true;
    });
    const observer = new ResizeObserver(() => fitAddon.fit());
    observer.observe(el);
    return () => {
      observer.disconnect();
      styles.dispose();
      typed.dispose();
      binary.dispose();
      terminal.dispose();
      term.current = null;
      fit.current = null;
    };
  }, []);

  useEffect(() => {
    if (!running) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setState({ kind: 'connecting' });
    const open = api.openChannel ? api.openChannel('consoles.openSerial', { connection, key: uuid, alias, force: attempt.force }) : Promise.reject(new Error(t('consoles.noChannels')));
    open.then(async (ch) => {
      if (!live) {
        ch.close('the console page moved on');
        return;
      }
      channel.current = ch;
      setState({ kind: 'connected' });
      term.current?.focus();
      try {
        for await (const chunk of ch) term.current?.write(chunk);
        if (live) setState({ kind: 'closed', reason: t('consoles.serial.ended') });
      } catch (e) {
        if (live) setState({ kind: 'closed', reason: e instanceof Error ? e.message : String(e) });
      }
      if (channel.current === ch) channel.current = null;
      // A running guest whose stream dropped (a reset, a daemon restart) gets its console back once, unforced.
      if (live) retry = setTimeout(() => setAttempt((a) => ({ n: a.n + 1, force: false })), REOPEN_MS);
    }, (e: unknown) => {
      if (!live) return;
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof CallError && BUSY.test(message)) setState({ kind: 'busy' });
      else setState({ kind: 'failed', reason: message });
    });
    return () => {
      live = false;
      if (retry) clearTimeout(retry);
      channel.current?.close('the console was closed');
      channel.current = null;
    };
  }, [api, connection, uuid, alias, running, runId, attempt, t]);

  const reopen = (force: boolean): void => setAttempt((a) => ({ n: a.n + 1, force }));
  const copy = (): void => void navigator.clipboard?.writeText(term.current?.getSelection() ?? '').catch(() => undefined);
  const paste = (): void => void navigator.clipboard?.readText().then((text) => term.current?.paste(text)).catch(() => undefined);

  return (
    <div className="hangar-console">
      <Toolbar className="hangar-console__toolbar" inset={{ default: 'insetNone' }}>
        <ToolbarContent alignItems="center">
          <ToolbarItem><Button variant="secondary" size="sm" onClick={copy}>{t('consoles.serial.copy')}</Button></ToolbarItem>
          <ToolbarItem><Button variant="secondary" size="sm" onClick={paste} isDisabled={state.kind !== 'connected'}>{t('consoles.serial.paste')}</Button></ToolbarItem>
          <ToolbarItem><Button variant="plain" size="sm" onClick={() => term.current?.clear()}>{t('consoles.serial.clear')}</Button></ToolbarItem>
          <ToolbarItem align={{ default: 'alignEnd' }}>
            <span className="hangar-console__status" data-state={running ? state.kind : 'off'}>
              {!running ? t('consoles.state.off') : state.kind === 'connecting' ? <><Spinner size="sm" aria-hidden /> {t('consoles.state.connecting')}</> : state.kind === 'connected' ? t('consoles.state.connected') : t('consoles.state.disconnected')}
            </span>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {!running ? (
        <EmptyState titleText={t('consoles.off.title')} headingLevel="h3" variant="sm">
          <EmptyStateBody>{t('consoles.off.body')}</EmptyStateBody>
        </EmptyState>
      ) : state.kind === 'busy' ? (
        <Alert variant="warning" isInline title={t('consoles.busy.title')} actionLinks={<AlertActionLink onClick={() => reopen(true)}>{t('consoles.busy.takeOver')}</AlertActionLink>}>
          {t('consoles.busy.body')}
        </Alert>
      ) : state.kind === 'failed' || state.kind === 'closed' ? (
        <Alert variant={state.kind === 'failed' ? 'danger' : 'info'} isInline title={state.kind === 'failed' ? t('consoles.failed') : t('consoles.state.disconnected')}
          actionLinks={<><AlertActionLink onClick={() => reopen(false)}>{t('consoles.reconnect')}</AlertActionLink><AlertActionLink onClick={() => reopen(true)}>{t('consoles.busy.takeOver')}</AlertActionLink></>}>
          {state.reason}
        </Alert>
      ) : null}
      <div ref={host} className="hangar-console__terminal" data-testid="serial-terminal" hidden={!running} />
    </div>
  );
}
