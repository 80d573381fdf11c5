import { ElementView } from '../core/element-view.js';
import { XmlElement } from '../core/nodes.js';

export const bootDevices = ['hd', 'cdrom', 'network', 'fd'] as const;
export type BootDevice = (typeof bootDevices)[number];

export interface Loader {
  readonly path?: string;
  readonly readonly?: string;
  readonly type?: string;
  readonly secure?: string;
}

const osOrder = [
  'type', 'firmware', 'loader', 'nvram', 'varstore', 'boot', 'bootmenu', 'smbios', 'bios', 'kernel', 'initrd', 'cmdline',
  'shim', 'dtb', 'acpi', 'init', 'initarg', 'initenv', 'initdir', 'inituser', 'initgroup', 'idmap',
];

/** `<os>`: guest type, arch, machine, firmware, boot order and menu, direct kernel boot. */
export class DomainOs extends ElementView {
  /** `hvm`, `linux` (xen PV), `exe` (containers). */
  get type(): string | undefined {
    return this.getText('type')?.trim();
  }

  set type(t: string | undefined) {
    this.setText('type', t, osOrder);
  }

  get arch(): string | undefined {
    return this.getAttr('type@arch');
  }

  set arch(arch: string | undefined) {
    this.setAttrAt('type@arch', arch, osOrder);
  }

  get machine(): string | undefined {
    return this.getAttr('type@machine');
  }

  set machine(machine: string | undefined) {
    this.setAttrAt('type@machine', machine, osOrder);
  }

  /** `<os firmware='efi|bios'>` (automatic firmware selection). */
  get firmware(): string | undefined {
    return this.element.attr('firmware');
  }

  set firmware(fw: string | undefined) {
    if (fw !== undefined) this.checkOneOf(fw, ['efi', 'bios'], 'firmware');
    this.element.setAttr('firmware', fw);
  }

  /** `<firmware><feature enabled= name=/>…` used with automatic selection (secure-boot, enrolled-keys). */
  get firmwareFeatures(): { readonly name: string; readonly enabled: boolean }[] {
    return (this.element.child('firmware')?.childrenNamed('feature') ?? []).map((f) => ({ name: f.attr('name') ?? '', enabled: f.attr('enabled') === 'yes' }));
  }

  get loader(): Loader | undefined {
    const l = this.element.child('loader');
    if (l === undefined) return undefined;
    const out: { path?: string; readonly?: string; type?: string; secure?: string } = {};
    const path = l.text.trim();
    if (path !== '') out.path = path;
    for (const k of ['readonly', 'type', 'secure'] as const) {
      const v = l.attr(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  set loader(loader: Loader | undefined) {
    if (loader === undefined) {
      this.removePath('loader');
      return;
    }
    const l = this.element.ensureChild('loader', osOrder);
    l.setAttr('readonly', loader.readonly).setAttr('type', loader.type).setAttr('secure', loader.secure);
    l.text = loader.path ?? '';
  }

  /** NVRAM file path (text of `<nvram>`), or its template. */
  get nvram(): { readonly path?: string; readonly template?: string } | undefined {
    const n = this.element.child('nvram');
    if (n === undefined) return undefined;
    const path = n.text.trim();
    const template = n.attr('template');
    return { ...(path === '' ? {} : { path }), ...(template === undefined ? {} : { template }) };
  }

  set nvram(nvram: { readonly path?: string; readonly template?: string } | undefined) {
    if (nvram === undefined) {
      this.removePath('nvram');
      return;
    }
    const n = this.element.ensureChild('nvram', osOrder);
    n.setAttr('template', nvram.template);
    n.text = nvram.path ?? '';
  }

  /** Legacy per-domain boot order: `<boot dev=…/>` in order. */
  get bootOrder(): string[] {
    return this.element.childrenNamed('boot').map((b) => b.attr('dev') ?? '');
  }

  /** Replaces the `<boot dev>` list (an empty list leaves per-device boot order in charge). */
  set bootOrder(devs: readonly BootDevice[]) {
    for (const d of devs) this.checkOneOf(d, bootDevices, 'boot.dev');
    const existing = this.element.childrenNamed('boot');
    // Keep position: insert the new list where the old one was.
    const anchor = existing[existing.length - 1];
    const next = anchor === undefined ? undefined : this.element.elements[this.element.elements.indexOf(anchor) + 1];
    for (const b of existing) this.element.removeChild(b);
    for (const d of devs) {
      const el = XmlElement.create('boot', { dev: d });
      if (anchor !== undefined) this.element.insertBefore(el, next);
      else this.element.insertChild(el, osOrder);
    }
  }

  get bootMenu(): { readonly enable: boolean; readonly timeout?: number } | undefined {
    const b = this.element.child('bootmenu');
    if (b === undefined) return undefined;
    const timeout = this.intOf(b.attr('timeout'), 'bootmenu.timeout');
    return { enable: b.attr('enable') === 'yes', ...(timeout === undefined ? {} : { timeout }) };
  }

  set bootMenu(menu: { readonly enable: boolean; readonly timeout?: number } | undefined) {
    if (menu === undefined) {
      this.removePath('bootmenu');
      return;
    }
    if (menu.timeout !== undefined) this.checkInt(menu.timeout, 'bootmenu.timeout', 0, 65535);
    this.element.ensureChild('bootmenu', osOrder).setAttr('enable', menu.enable ? 'yes' : 'no').setAttr('timeout', menu.timeout);
  }

  get kernel(): string | undefined {
    return this.getText('kernel');
  }

  set kernel(path: string | undefined) {
    this.setText('kernel', path, osOrder);
  }

  get initrd(): string | undefined {
    return this.getText('initrd');
  }

  set initrd(path: string | undefined) {
    this.setText('initrd', path, osOrder);
  }

  get cmdline(): string | undefined {
    return this.getText('cmdline');
  }

  set cmdline(cmdline: string | undefined) {
    this.setText('cmdline', cmdline, osOrder);
  }

  get dtb(): string | undefined {
    return this.getText('dtb');
  }

  set dtb(path: string | undefined) {
    this.setText('dtb', path, osOrder);
  }
}
