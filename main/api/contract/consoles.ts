// consoles.*: serial and graphical consoles, carried on byte channels (see channels.ts).
import { z } from 'zod';
import type { ChannelOpened } from './channels.js';
import { uuidRef } from './common.js';

/** A serial port or text console of a running VM, as its live XML names it. */
export interface SerialConsole {
  /** libvirt's alias (serial0, console1): what DOMAIN_OPEN_CONSOLE takes. */
  readonly alias: string;
  readonly kind: 'serial' | 'console';
  /** Target port. */
  readonly port: number;
  /** Character device type: pty, file, unix…; only pty (and nmdm) consoles can be opened. */
  readonly type: string;
  readonly openable: boolean;
}

/** A graphics device of the VM and whether Hangar can show it. */
export interface GraphicsConsole {
  /** vnc, spice, rdp, … */
  readonly type: string;
  /** Where it listens (the live XML; nothing while the VM is off). */
  readonly listen: { readonly kind: 'tcp'; readonly address: string; readonly port: number } | { readonly kind: 'socket'; readonly socket: string } | { readonly kind: 'none' } | null;
  /** The VNC password from the definition read with the SECURE flag, when it sets one. */
  readonly password: string | null;
}

export interface ConsoleDevices {
  readonly serials: readonly SerialConsole[];
  readonly graphics: readonly GraphicsConsole[];
  /** The host can carry a graphical console's bytes (the Demo host cannot). */
  readonly tunnels: boolean;
}

export const consolesCalls = {
  /** The VM's consoles from its live XML (with the VNC password: read with the SECURE flag). */
  'consoles.devices': uuidRef,
  /** Opens a serial/text console (DOMAIN_OPEN_CONSOLE) on a channel; `force` takes it from another client. */
  'consoles.openSerial': uuidRef.extend({
    alias: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a device alias such as serial0').nullable().default(null),
    force: z.boolean().default(false),
  }),
  /** The VNC password to offer: the definition's (SECURE read), else one the user asked to remember. */
  'consoles.vncPassword': uuidRef,
  /** Remembers the VNC password the user typed for this VM (in the secret store), or with null forgets it. */
  'consoles.rememberVncPassword': uuidRef.extend({ password: z.string().min(1).max(256).nullable() }),
  /** Opens a channel to the VM's VNC server: a local socket, or a forwarded channel of the host's SSH connection. */
  'consoles.openVnc': uuidRef.extend({ index: z.number().int().min(0).max(16).default(0) }),
} as const;

export interface ConsolesResults {
  'consoles.devices': ConsoleDevices;
  'consoles.openSerial': ChannelOpened;
  'consoles.openVnc': ChannelOpened;
  'consoles.vncPassword': {
    readonly password: string | null;
    readonly source: 'definition' | 'remembered' | null;
    /** Whether a typed password can be remembered here (not in browser mode). */
    readonly canRemember: boolean;
  };
  /** False when the store kept nothing. */
  'consoles.rememberVncPassword': { readonly remembered: boolean };
}
