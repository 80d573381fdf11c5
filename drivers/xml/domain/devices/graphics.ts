import { XmlElement } from '../../core/nodes.js';
import { XmlError } from '../../core/xml-error.js';
import { DomainDevice } from './device.js';

/** Where a graphics server listens. */
export type GraphicsListen =
  | { readonly type: 'address'; readonly address: string }
  | { readonly type: 'network'; readonly network: string }
  | { readonly type: 'socket'; readonly socket?: string }
  | { readonly type: 'none' };

/** `<graphics>`: VNC or SPICE (or others, kept as they are). */
export class GraphicsDevice extends DomainDevice {
  /** Port, -1 or undefined when libvirt chooses (autoport). */
  get port(): number | undefined {
    return this.intOf(this.element.attr('port'), 'port');
  }

  get autoport(): boolean {
    return this.element.attr('autoport') === 'yes' || this.element.attr('port') === '-1';
  }

  /** Sets a fixed port, or autoport with undefined. */
  setPort(port: number | undefined): void {
    if (port === undefined) {
      this.element.setAttr('port', this.element.hasAttr('port') ? '-1' : undefined).setAttr('autoport', 'yes');
      return;
    }
    this.checkInt(port, 'port', 1, 65535);
    this.element.setAttr('port', port).setAttr('autoport', 'no');
  }

  /** Switches between VNC and SPICE; port, listen and password carry over (both servers take them). */
  setType(type: 'vnc' | 'spice'): void {
    this.checkOneOf(type, ['vnc', 'spice'], 'type');
    this.element.setAttr('type', type);
    // SPICE-only settings mean nothing to VNC.
    if (type === 'vnc') {
      this.element.setAttr('tlsPort', undefined).setAttr('defaultMode', undefined);
      for (const name of ['channel', 'image', 'jpeg', 'zlib', 'playback', 'streaming', 'clipboard', 'mouse', 'filetransfer', 'gl']) {
        for (const c of this.element.childrenNamed(name)) this.element.removeChild(c);
      }
    }
  }

  get passwd(): string | undefined {
    return this.element.attr('passwd');
  }

  set passwd(password: string | undefined) {
    // VNC authentication reads only the first 8 characters: a longer one would look stronger than it is.
    if (password !== undefined && this.type === 'vnc' && password.length > 8) throw new XmlError(this.fieldName('passwd'), 'VNC uses at most 8 characters of a password');
    this.element.setAttr('passwd', password);
  }

  get keymap(): string | undefined {
    return this.element.attr('keymap');
  }

  /** The first `<listen>`, or the legacy `listen=` attribute. */
  get listen(): GraphicsListen | undefined {
    const l = this.element.child('listen');
    if (l !== undefined) {
      switch (l.attr('type')) {
        case 'address': return { type: 'address', address: l.attr('address') ?? this.element.attr('listen') ?? '' };
        case 'network': return { type: 'network', network: l.attr('network') ?? '' };
        case 'socket': {
          const socket = l.attr('socket');
          return socket === undefined ? { type: 'socket' } : { type: 'socket', socket };
        }
        case 'none': return { type: 'none' };
      }
    }
    const a = this.element.attr('listen');
    return a === undefined ? undefined : { type: 'address', address: a };
  }

  set listen(listen: GraphicsListen) {
    for (const l of this.element.childrenNamed('listen')) this.element.removeChild(l);
    const el = XmlElement.create('listen', { type: listen.type });
    switch (listen.type) {
      case 'address':
        el.setAttr('address', listen.address);
        this.element.setAttr('listen', listen.address);
        break;
      case 'network': el.setAttr('network', listen.network); this.element.setAttr('listen', undefined); break;
      case 'socket': el.setAttr('socket', listen.socket); this.element.setAttr('listen', undefined); break;
      case 'none': this.element.setAttr('listen', undefined); break;
    }
    // <listen> comes first among <graphics> children.
    this.element.insertBefore(el, this.element.elements[0]);
  }
}
