import { XmlElement } from '../../core/nodes.js';
import { XmlError } from '../../core/xml-error.js';
import { DomainDevice } from './device.js';

/** Host-side backends of a character device that Hangar edits; the rest (tcp, udp, spiceport…) are kept as written. */
export const charSourceTypes = ['pty', 'unix', 'file', 'spicevmc', 'qemu-vdagent', 'null'] as const;
export type CharSourceType = (typeof charSourceTypes)[number];

/** Well-known channel names (virt-manager offers the same). */
export const channelNames = ['org.qemu.guest_agent.0', 'com.redhat.spice.0', 'org.libguestfs.channel.0', 'org.spice-space.webdav.0'] as const;

const charOrder = ['source', 'protocol', 'log', 'target', 'alias', 'address'];

/** `<serial>`, `<console>`, `<parallel>`, `<channel>`: a character device and its host-side backend. */
export class CharDevice extends DomainDevice {
  /** `<target type=…>`: isa-serial, virtio, guestfwd, … */
  get targetType(): string | undefined {
    return this.getAttr('target@type');
  }

  set targetType(type: string | undefined) {
    this.setAttrAt('target@type', type, charOrder);
  }

  /** Guest-side port index (serial/console/parallel). */
  get targetPort(): number | undefined {
    return this.intOf(this.getAttr('target@port'), 'target.port');
  }

  /** Channel name, e.g. org.qemu.guest_agent.0. */
  get targetName(): string | undefined {
    return this.getAttr('target@name');
  }

  set targetName(name: string | undefined) {
    if (this.kind === 'channel' && this.targetType !== 'guestfwd' && (name === undefined || name.trim() === '')) {
      throw new XmlError(this.fieldName('target.name'), 'a channel needs a name (e.g. org.qemu.guest_agent.0)', 'missing');
    }
    if (name !== undefined && !/^[A-Za-z0-9_.-]+$/.test(name)) throw new XmlError(this.fieldName('target.name'), `'${name}' is not a channel name like org.qemu.guest_agent.0`);
    this.setAttrAt('target@name', name, charOrder);
  }

  /** Guest agent or SPICE agent state of a running channel (`<target state='connected'>`). */
  get targetState(): string | undefined {
    return this.getAttr('target@state');
  }

  /** Host-side path (pty, file, unix socket). */
  get sourcePath(): string | undefined {
    return this.getAttr('source@path') ?? this.element.attr('tty');
  }

  /** `<log file=…>`, where output is also written. */
  get logFile(): string | undefined {
    return this.getAttr('log@file');
  }

  /**
   * Changes the host-side backend. A unix socket binds (libvirt picks a path when none is given); a file needs
   * an absolute path. The `<target>` and everything else stay.
   */
  setSource(type: CharSourceType, path?: string): void {
    if (type === 'file' && (path === undefined || !path.startsWith('/'))) throw new XmlError(this.fieldName('source.path'), 'a file path must be absolute', path === undefined ? 'missing' : 'invalid-value');
    if (type === 'unix' && path !== undefined && path !== '' && !path.startsWith('/')) throw new XmlError(this.fieldName('source.path'), 'a socket path must be absolute');
    this.element.setAttr('type', type);
    this.element.setAttr('tty', undefined);
    for (const s of this.element.childrenNamed('source')) this.element.removeChild(s);
    if (type === 'file') this.element.insertChild(XmlElement.create('source', { path }), charOrder);
    if (type === 'unix') this.element.insertChild(XmlElement.create('source', { mode: 'bind', path: path === '' ? undefined : path }), charOrder);
  }
}
