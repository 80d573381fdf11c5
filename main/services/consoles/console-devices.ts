// What a VM's live XML says about its consoles: the serial ports and text consoles DOMAIN_OPEN_CONSOLE can
// open, and its graphics servers with where they listen.
import { CharDevice, parseDomain, type GraphicsDevice } from '../../../drivers/xml/index.js';
import type { ConsoleDevices, GraphicsConsole, SerialConsole } from '../../api/contract/consoles.js';

/** libvirt opens consoles only on these backends (virt-manager offers the same). */
const OPENABLE = new Set(['pty', 'nmdm']);

function listenOf(g: GraphicsDevice): GraphicsConsole['listen'] {
  const l = g.listen;
  // Older definitions put the socket on <graphics socket=…> itself.
  const socketAttr = g.element.attr('socket');
  if (l?.type === 'socket' && l.socket !== undefined) return { kind: 'socket', socket: l.socket };
  if (socketAttr !== undefined) return { kind: 'socket', socket: socketAttr };
  if (l?.type === 'none') return { kind: 'none' };
  const port = g.port;
  if (port === undefined || port <= 0) return null;
  return { kind: 'tcp', address: l?.type === 'address' ? l.address : '127.0.0.1', port };
}

/** The consoles of a domain from its XML (read with SECURE for the VNC password); `tunnels`: see ConsoleDevices. */
export function consoleDevices(xml: string, tunnels: boolean): ConsoleDevices {
  const domain = parseDomain(xml);
  const serials: SerialConsole[] = [];
  const counts = { serial: 0, console: 0 };
  for (const d of domain.devices) {
    if (!(d instanceof CharDevice) || (d.kind !== 'serial' && d.kind !== 'console')) continue;
    const kind = d.kind;
    const index = counts[kind]++;
    // A <console> on a serial target is that serial port again (libvirt lists it twice): one menu entry.
    if (kind === 'console' && (d.targetType ?? 'serial') === 'serial' && serials.some((s) => s.kind === 'serial' && s.port === (d.targetPort ?? 0))) continue;
    const type = d.type ?? 'pty';
    serials.push({ alias: d.alias ?? `${kind}${index}`, kind, port: d.targetPort ?? index, type, openable: OPENABLE.has(type) });
  }
  const graphics = domain.graphics.map((g): GraphicsConsole => ({
    type: g.type ?? 'unknown',
    listen: listenOf(g),
    password: g.type === 'vnc' ? g.passwd ?? null : null,
  }));
  return { serials, graphics, tunnels };
}
