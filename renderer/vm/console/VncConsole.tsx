// The graphical console: noVNC drawing the guest's VNC server, whose bytes come on a byte channel (a local socket,
// or a forwarded channel of the host's one SSH connection, on the main side). Controls: send keys, scaling, resize
// the guest, fullscreen, a PNG screenshot, and typing the clipboard into the guest as keystrokes.
import type RFB from '@novnc/novnc';
import { CameraIcon, CompressIcon, ExpandIcon } from '@patternfly/react-icons';
import {
  Alert, AlertActionCloseButton, AlertActionLink, Button, Checkbox, Dropdown, DropdownItem, DropdownList, EmptyState, EmptyStateBody, Form, FormGroup, FormHelperText, HelperText, HelperTextItem,
  MenuToggle, Modal, ModalBody, ModalFooter, ModalHeader, Spinner, TextArea, TextInput, ToggleGroup, ToggleGroupItem, Toolbar,
  ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelSocket } from '../../consoles/channel-socket.js';
import { KEY_COMBOS, characterLabel, codesOf, comboLabel, parseKeyCombination, planTyping, type ComboProblem, type Key } from '../../consoles/keysyms.js';
import { saveBlob, screenshotPng } from '../../consoles/ppm-to-png.js';
import { refused, ResizeReplyRfb, type ResizeReply, type ResizeStatus } from '../../consoles/resize-reply-rfb.js';
import { useApi, useNotifications, useSettings } from '../../state/hooks.js';

type VncState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  /** Asked for a password; `refused` says which one the server turned down, if any (null: none was offered). */
  | { readonly kind: 'password'; readonly refused: PasswordSource | null }
  | { readonly kind: 'closed'; readonly reason: string };

type Scaling = 'never' | 'fit' | 'fullscreen';

/** Where an offered VNC password came from: the definition (SECURE read), the secret store, or the dialog. */
type PasswordSource = 'definition' | 'remembered' | 'typed';

/** Presses keys in order and lets go of them in reverse (a chord). */
function chord(rfb: RFB, keys: readonly Key[]): void {
  for (const k of keys) rfb.sendKey(k.keysym, k.code, true);
  for (const k of [...keys].reverse()) rfb.sendKey(k.keysym, k.code, false);
}

export function VncConsole({ connection, uuid, name, running, runId }: {
  connection: string;
  uuid: string;
  name: string;
  running: boolean;
  runId: number;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const settings = useSettings();
  const frame = useRef<HTMLDivElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const rfb = useRef<RFB | null>(null);
  const [state, setState] = useState<VncState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [wanted, setWanted] = useState<boolean>(settings?.console.autoconnect ?? true);
  const [scaling, setScaling] = useState<Scaling>(settings?.console.scaling ?? 'fullscreen');
  const [resize, setResize] = useState<boolean>(settings?.console.resizeGuest ?? false);
  /** The server's last answer to "resize the guest to the window" in this session (null: none yet, or dismissed). */
  const [resizeReply, setResizeReply] = useState<ResizeReply | null>(null);
  // Dismissed until resizing is turned on again or the console reconnects (the alert going away changes the
  // screen's size, and with it brings another request and another refusal).
  const [resizeNoticeClosed, setResizeNoticeClosed] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [keysOpen, setKeysOpen] = useState(false);
  const [asked, setAsked] = useState('');
  const [typing, setTyping] = useState<string | null>(null);
  /** Characters of the last typed text that have no key on a US layout and were left out (empty: none). */
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  /**
   * The password the next connection offers and where it came from: the definition's or a remembered one (asked of
   * the service before each connection), or what the user typed.
   */
  const credentials = useRef<{ password: string; source: PasswordSource } | null>(null);
  const [canRemember, setCanRemember] = useState(false);
  const [remember, setRemember] = useState(false);
  const rememberRef = useRef(false);

  const scaled = scaling === 'fit' || (fullscreen && scaling === 'fullscreen');
  // The keyboard goes to the guest while its screen has the focus; the preferences' combination gives it back.
  const grabKeys = settings?.console.grabKeys ?? 'Control_L+Alt_L';
  const [grabbed, setGrabbed] = useState(false);
  const [custom, setCustom] = useState<{ text: string; problem?: ComboProblem } | null>(null);

  useEffect(() => {
    if (!running || !wanted) {
      setState({ kind: 'idle' });
      return;
    }
    const target = screen.current;
    if (!target || !api.openChannel) return;
    let live = true;
    let session: RFB | null = null;
    setState({ kind: 'connecting' });
    setResizeReply(null);
    setResizeNoticeClosed(false);
    const known = async (): Promise<void> => {
      if (credentials.current?.source === 'typed') return;
      const p = await api.call('consoles.vncPassword', { connection, key: uuid });
      setCanRemember(p.canRemember);
      credentials.current = p.password !== null && p.source !== null ? { password: p.password, source: p.source } : null;
    };
    const openVnc = api.openChannel.bind(api);
    known().then(() => openVnc('consoles.openVnc', { connection, key: uuid, index: 0 })).then((ch) => {
      if (!live) {
        ch.close('the console page moved on');
        return;
      }
      const offered = credentials.current;
      const r = new ResizeReplyRfb(target, new ChannelSocket(ch), { shared: true, ...(offered !== null ? { credentials: { password: offered.password } } : {}) });
      session = r;
      rfb.current = r;
      r.background = 'var(--pf-t--global--background--color--secondary--default)';
      r.focusOnClick = true;
      r.addEventListener('connect', () => {
        if (!live) return;
        setState({ kind: 'connected' });
        const c = credentials.current;
        if (c?.source === 'typed' && rememberRef.current) void api.call('consoles.rememberVncPassword', { connection, key: uuid, password: c.password }).catch(() => undefined);
      });
      r.addEventListener('resizereply', (e) => live && setResizeReply((e as CustomEvent<ResizeReply>).detail));
      r.addEventListener('credentialsrequired', () => live && setState({ kind: 'password', refused: null }));
      r.addEventListener('securityfailure', (e) => {
        if (!live) return;
        // A password that was refused is dropped, and the user asked for the right one.
        const refused = credentials.current;
        if (refused !== null) {
          if (refused.source === 'remembered') void api.call('consoles.rememberVncPassword', { connection, key: uuid, password: null }).catch(() => undefined);
          credentials.current = null;
          setState({ kind: 'password', refused: refused.source });
          return;
        }
        const detail = (e as CustomEvent<{ reason?: string }>).detail;
        setState({ kind: 'closed', reason: detail.reason ?? t('consoles.vnc.securityFailure') });
      });
      r.addEventListener('disconnect', (e) => {
        const clean = (e as CustomEvent<{ clean: boolean }>).detail.clean;
        if (rfb.current === r) rfb.current = null;
        if (live) setState((s) => (s.kind === 'closed' || s.kind === 'password' ? s : { kind: 'closed', reason: clean ? t('consoles.vnc.closed') : t('consoles.vnc.lost') }));
      });
    }, (e: unknown) => {
      if (live) setState({ kind: 'closed', reason: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      live = false;
      session?.disconnect();
      if (rfb.current === session) rfb.current = null;
    };
  }, [api, connection, uuid, running, runId, wanted, attempt, t]);

  const submitPassword = (): void => {
    const r = rfb.current;
    credentials.current = { password: asked, source: 'typed' };
    rememberRef.current = remember;
    if (state.kind === 'password' && state.refused === null && r) {
      r.sendCredentials({ password: asked });
      setState({ kind: 'connecting' });
    } else {
      // The refused session is over: the next one offers what was typed.
      setAttempt((n) => n + 1);
    }
    setAsked('');
  };

  useEffect(() => {
    const r = rfb.current;
    if (!r || state.kind !== 'connected') return;
    r.scaleViewport = scaled;
    r.resizeSession = resize;
    if (!resize) {
      setResizeReply(null);
      setResizeNoticeClosed(false);
    }
  }, [state, scaled, resize]);

  useEffect(() => {
    const onChange = (): void => setFullscreen(document.fullscreenElement === frame.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    const el = screen.current;
    if (!el) return;
    const release = codesOf(grabKeys);
    const parsed = parseKeyCombination(grabKeys);
    const releaseKeys = 'keys' in parsed ? parsed.keys : [];
    const down = new Set<string>();
    const onIn = (): void => setGrabbed(true);
    const onOut = (e: FocusEvent): void => {
      if (!el.contains(e.relatedTarget as Node | null)) setGrabbed(false);
      down.clear();
    };
    // Capture: seen before noVNC's own handler on the canvas, which passes every key to the guest.
    const onDown = (e: KeyboardEvent): void => {
      down.add(e.code);
      if (release.length > 0 && release.every((c) => down.has(c))) {
        e.preventDefault();
        e.stopPropagation();
        down.clear();
        // noVNC lets go of held keys only when the window loses focus: the guest would keep Ctrl (and the rest of
        // the combination it saw) pressed. Let go of them there first.
        for (const k of [...releaseKeys].reverse()) rfb.current?.sendKey(k.keysym, k.code, false);
        rfb.current?.blur();
        (document.activeElement as HTMLElement | null)?.blur();
        setGrabbed(false);
      }
    };
    const onUp = (e: KeyboardEvent): void => void down.delete(e.code);
    el.addEventListener('focusin', onIn);
    el.addEventListener('focusout', onOut);
    el.addEventListener('keydown', onDown, true);
    el.addEventListener('keyup', onUp, true);
    return () => {
      el.removeEventListener('focusin', onIn);
      el.removeEventListener('focusout', onOut);
      el.removeEventListener('keydown', onDown, true);
      el.removeEventListener('keyup', onUp, true);
    };
  }, [grabKeys]);

  const comboProblem = (p: ComboProblem): string => {
    switch (p.kind) {
      case 'empty': return t('consoles.vnc.custom.empty');
      case 'unknown': return t('consoles.vnc.custom.unknown', { key: p.key });
      case 'twice': return t('consoles.vnc.custom.twice');
      case 'tooMany': return t('consoles.vnc.custom.tooMany');
    }
  };
  const resizeReason = (status: ResizeStatus, code: number): string => {
    switch (status) {
      case 'prohibited': return t('consoles.vnc.resizeRefused.prohibited');
      case 'outOfResources': return t('consoles.vnc.resizeRefused.outOfResources');
      case 'invalidLayout': return t('consoles.vnc.resizeRefused.invalidLayout');
      case 'accepted': case 'forwarded': case 'unknown': return t('consoles.vnc.resizeRefused.code', { code });
    }
  };
  const sendCustom = (): void => {
    if (!custom) return;
    const parsed = parseKeyCombination(custom.text);
    if ('problem' in parsed) {
      setCustom({ ...custom, problem: parsed.problem });
      return;
    }
    setCustom(null);
    sendCombo(parsed.keys);
  };

  const sendCombo = useCallback((keys: readonly Key[]) => {
    const r = rfb.current;
    if (!r) return;
    chord(r, keys);
    r.focus();
  }, []);

  const typeText = useCallback((text: string) => {
    const r = rfb.current;
    if (!r) return;
    const plan = planTyping(text);
    for (const keys of plan.chords) chord(r, keys);
    setSkipped(plan.skipped);
    r.focus();
  }, []);

  const typeClipboard = (): void => {
    // Reading the clipboard needs the page's permission; without it the user pastes the text into a box instead.
    const read = navigator.clipboard?.readText ? navigator.clipboard.readText() : Promise.reject(new Error('no clipboard'));
    read.then((text) => (text ? typeText(text) : setTyping('')), () => setTyping(''));
  };

  const screenshot = async (): Promise<void> => {
    try {
      const shot = await api.call('domains.screenshot', { connection, key: uuid, screen: 0 });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      saveBlob(await screenshotPng(shot), `${name}-${stamp}.png`);
    } catch (e) {
      notifications.push({ variant: 'danger', title: t('consoles.vnc.screenshotFailed'), detail: e instanceof Error ? e.message : String(e) });
    }
  };

  const toggleFullscreen = (): void => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void frame.current?.requestFullscreen().catch(() => undefined);
  };

  const connected = state.kind === 'connected';
  return (
    <div className={`hangar-console${fullscreen ? ' hangar-console--fullscreen' : ''}`} ref={frame}>
      <Toolbar className="hangar-console__toolbar" inset={{ default: 'insetNone' }}>
        <ToolbarContent alignItems="center">
          <ToolbarItem>
            <span className="hangar-console__status" data-state={running ? state.kind : 'off'}>
              {!running ? t('consoles.state.off') : state.kind === 'connecting' ? <><Spinner size="sm" aria-hidden /> {t('consoles.state.connecting')}</>
                : connected ? t('consoles.state.connected') : state.kind === 'idle' ? t('consoles.state.idle') : t('consoles.state.disconnected')}
            </span>
          </ToolbarItem>
          <ToolbarItem>
            <Dropdown isOpen={keysOpen} onOpenChange={setKeysOpen} onSelect={() => setKeysOpen(false)}
              toggle={(ref) => <MenuToggle ref={ref} size="sm" isDisabled={!connected} onClick={() => setKeysOpen((o) => !o)} isExpanded={keysOpen}>{t('consoles.vnc.sendKey')}</MenuToggle>}>
              <DropdownList>
                {KEY_COMBOS.map((c) => <DropdownItem key={c.id} onClick={() => sendCombo(c.keys)}>{c.label}</DropdownItem>)}
                <DropdownItem key="custom" onClick={() => setCustom({ text: '' })}>{t('consoles.vnc.custom.item')}</DropdownItem>
              </DropdownList>
            </Dropdown>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" size="sm" isDisabled={!connected} onClick={typeClipboard}>{t('consoles.vnc.typeClipboard')}</Button>
          </ToolbarItem>
          <ToolbarItem>
            <ToggleGroup aria-label={t('consoles.vnc.scaling')} isCompact>
              <ToggleGroupItem text={t('consoles.vnc.scaleNever')} isSelected={scaling === 'never'} onChange={() => setScaling('never')} />
              <ToggleGroupItem text={t('consoles.vnc.scaleFit')} isSelected={scaling === 'fit'} onChange={() => setScaling('fit')} />
              <ToggleGroupItem text={t('consoles.vnc.scaleFullscreen')} isSelected={scaling === 'fullscreen'} onChange={() => setScaling('fullscreen')} />
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem>
            <Checkbox id={`vnc-resize-${uuid}`} label={t('consoles.vnc.resizeGuest')} isChecked={resize} onChange={(_e, v) => setResize(v)} />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="plain" size="sm" isDisabled={!running} onClick={() => void screenshot()} aria-label={t('consoles.vnc.screenshot')} title={t('consoles.vnc.screenshot')} icon={<CameraIcon />} />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="plain" size="sm" onClick={toggleFullscreen} aria-label={fullscreen ? t('consoles.vnc.leaveFullscreen') : t('consoles.vnc.fullscreen')}
              title={fullscreen ? t('consoles.vnc.leaveFullscreen') : t('consoles.vnc.fullscreen')} icon={fullscreen ? <CompressIcon /> : <ExpandIcon />} />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {!running ? (
        <EmptyState titleText={t('consoles.off.title')} headingLevel="h3" variant="sm">
          <EmptyStateBody>{t('consoles.off.body')}</EmptyStateBody>
        </EmptyState>
      ) : state.kind === 'idle' ? (
        <EmptyState titleText={t('consoles.vnc.notConnected')} headingLevel="h3" variant="sm">
          <Button onClick={() => { setWanted(true); setAttempt((n) => n + 1); }}>{t('consoles.vnc.connect')}</Button>
        </EmptyState>
      ) : state.kind === 'closed' ? (
        <Alert variant="info" isInline title={t('consoles.state.disconnected')} actionLinks={<AlertActionLink onClick={() => setAttempt((n) => n + 1)}>{t('consoles.reconnect')}</AlertActionLink>}>
          {state.reason}
        </Alert>
      ) : null}
      {connected && (
        <div className="hangar-console__grab" aria-live="polite" data-grabbed={grabbed ? 'yes' : 'no'}>
          {grabbed ? t('consoles.vnc.grabbed', { keys: comboLabel(grabKeys) }) : t('consoles.vnc.notGrabbed')}
        </div>
      )}
      {connected && skipped.length > 0 && (
        <Alert variant="warning" isInline className="hangar-console__skipped" title={t('consoles.vnc.skipped.title', { count: skipped.length })}
          actionClose={<AlertActionCloseButton onClose={() => setSkipped([])} />}>
          {t('consoles.vnc.skipped.body', { chars: skipped.map(characterLabel).join(' ') })}
        </Alert>
      )}
      {connected && resize && !resizeNoticeClosed && resizeReply !== null && refused(resizeReply.status) && (
        <Alert variant="info" isInline className="hangar-console__resize" title={t('consoles.vnc.resizeRefused.title')}
          actionClose={<AlertActionCloseButton onClose={() => setResizeNoticeClosed(true)} />}>
          {t('consoles.vnc.resizeRefused.body', { reason: resizeReason(resizeReply.status, resizeReply.code) })}
        </Alert>
      )}
      <div ref={screen} className="hangar-console__screen" data-testid="vnc-screen" hidden={!running || state.kind === 'idle'}
        data-resize-reply={resizeReply?.status ?? 'none'} />
      {custom && (
        <Modal isOpen variant="small" onClose={() => setCustom(null)} aria-labelledby="vnc-custom-title">
          <ModalHeader title={t('consoles.vnc.custom.title')} labelId="vnc-custom-title" />
          <ModalBody>
            <Form id="vnc-custom-form" onSubmit={(e) => { e.preventDefault(); sendCustom(); }}>
              <FormGroup label={t('consoles.vnc.custom.keys')} fieldId="vnc-custom-keys" isRequired>
                <TextInput id="vnc-custom-keys" value={custom.text} autoFocus validated={custom.problem ? 'error' : 'default'}
                  onChange={(_e, text) => setCustom({ text })} aria-describedby="vnc-custom-helper" />
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem id="vnc-custom-helper" variant={custom.problem ? 'error' : 'default'}>
                      {custom.problem ? comboProblem(custom.problem) : t('consoles.vnc.custom.help')}
                    </HelperTextItem>
                  </HelperText>
                </FormHelperText>
              </FormGroup>
            </Form>
          </ModalBody>
          <ModalFooter>
            <Button type="submit" form="vnc-custom-form">{t('consoles.vnc.custom.send')}</Button>
            <Button variant="link" onClick={() => setCustom(null)}>{t('consoles.cancel')}</Button>
          </ModalFooter>
        </Modal>
      )}
      {state.kind === 'password' && (
        <Modal isOpen variant="small" onClose={() => { rfb.current?.disconnect(); setState({ kind: 'closed', reason: t('consoles.vnc.passwordCancelled') }); }} aria-labelledby="vnc-password-title">
          <ModalHeader title={t('consoles.vnc.passwordTitle')} labelId="vnc-password-title" />
          <ModalBody>
            <Form id="vnc-password-form" onSubmit={(e) => { e.preventDefault(); submitPassword(); }}>
              <FormGroup label={t('consoles.vnc.password')} fieldId="vnc-password" isRequired>
                <TextInput id="vnc-password" type="password" value={asked} onChange={(_e, v) => setAsked(v)} autoFocus
                  validated={state.refused !== null ? 'error' : 'default'} aria-describedby={state.refused !== null ? 'vnc-password-helper' : undefined} />
                {state.refused !== null && (
                  <FormHelperText><HelperText><HelperTextItem id="vnc-password-helper" variant="error">
                    {state.refused === 'remembered' ? t('consoles.vnc.passwordRememberedRefused')
                      : state.refused === 'definition' ? t('consoles.vnc.passwordDefinitionRefused') : t('consoles.vnc.passwordWrong')}
                  </HelperTextItem></HelperText></FormHelperText>
                )}
              </FormGroup>
              {canRemember && <Checkbox id="vnc-password-remember" label={t('consoles.vnc.remember')} isChecked={remember} onChange={(_e, v) => setRemember(v)} />}
            </Form>
          </ModalBody>
          <ModalFooter>
            <Button type="submit" form="vnc-password-form" isDisabled={asked === ''}>{t('consoles.vnc.login')}</Button>
            <Button variant="link" onClick={() => { rfb.current?.disconnect(); setState({ kind: 'closed', reason: t('consoles.vnc.passwordCancelled') }); }}>{t('consoles.cancel')}</Button>
          </ModalFooter>
        </Modal>
      )}
      {typing !== null && (
        <Modal isOpen variant="small" onClose={() => setTyping(null)} aria-labelledby="vnc-type-title">
          <ModalHeader title={t('consoles.vnc.typeTitle')} labelId="vnc-type-title" description={t('consoles.vnc.typeBody')} />
          <ModalBody>
            <TextArea id="vnc-type-text" aria-label={t('consoles.vnc.typeTitle')} value={typing} onChange={(_e, v) => setTyping(v)} autoResize autoFocus />
          </ModalBody>
          <ModalFooter>
            <Button isDisabled={typing === ''} onClick={() => { typeText(typing); setTyping(null); }}>{t('consoles.vnc.type')}</Button>
            <Button variant="link" onClick={() => setTyping(null)}>{t('consoles.cancel')}</Button>
          </ModalFooter>
        </Modal>
      )}
    </div>
  );
}
