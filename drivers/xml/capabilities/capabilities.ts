import { XmlDocument } from '../core/document.js';
import type { XmlElement } from '../core/nodes.js';
import { readScaled } from '../core/scaled.js';
import { XmlModel } from '../core/xml-model.js';

export interface GuestMachine {
  readonly name: string;
  readonly canonical?: string;
  readonly maxCpus?: number;
}

export interface GuestDomainType {
  readonly type: string;
  readonly emulator?: string;
  /** Machines specific to this domain type, when they differ from the arch's. */
  readonly machines: readonly GuestMachine[];
}

/** One `<guest>`: what the host can run for an OS type and architecture. */
export interface CapsGuest {
  readonly osType: string;
  readonly arch: string;
  readonly wordsize?: number;
  readonly emulator?: string;
  readonly machines: readonly GuestMachine[];
  readonly domainTypes: readonly GuestDomainType[];
  /** Names of `<features>` children (acpi, apic, pae, cpuselection, …). */
  readonly features: readonly string[];
}

export interface NumaCell {
  readonly id: number;
  /** Bytes. */
  readonly memory?: number;
  readonly cpus: readonly number[];
}

/** Typed model of `virConnectGetCapabilities` (`<capabilities>`): host CPU, NUMA, security models, guests. */
export class CapabilitiesXml extends XmlModel {
  get hostUuid(): string | undefined {
    return this.getText('host/uuid')?.trim();
  }

  get hostArch(): string | undefined {
    return this.getText('host/cpu/arch')?.trim();
  }

  get hostCpuModel(): string | undefined {
    return this.getText('host/cpu/model')?.trim();
  }

  get hostCpuVendor(): string | undefined {
    return this.getText('host/cpu/vendor')?.trim();
  }

  get hostCpuTopology(): Readonly<Record<string, number>> | undefined {
    const t = this.element.path('host/cpu/topology');
    if (t === undefined) return undefined;
    const out: Record<string, number> = {};
    for (const a of t.attributes) out[a.name] = this.intOf(t.attr(a.name), `host.cpu.topology.${a.name}`) ?? 0;
    return out;
  }

  get hostCpuFeatures(): string[] {
    return (this.element.path('host/cpu')?.childrenNamed('feature') ?? []).map((f) => f.attr('name') ?? '');
  }

  /** Supported memory page sizes, bytes. */
  get hostPageSizes(): number[] {
    return (this.element.path('host/cpu')?.childrenNamed('pages') ?? []).map((p) => {
      const size = this.intOf(p.attr('size'), 'host.cpu.pages.size') ?? 0;
      return size * (p.attr('unit') === 'bytes' ? 1 : 1024);
    });
  }

  get iommuSupported(): boolean | undefined {
    const v = this.getAttr('host/iommu@support');
    return v === undefined ? undefined : v === 'yes';
  }

  get migrationTransports(): string[] {
    return (this.element.path('host/migration_features/uri_transports')?.childrenNamed('uri_transport') ?? []).map((t) => t.text.trim());
  }

  get numaCells(): NumaCell[] {
    return (this.element.path('host/topology/cells')?.childrenNamed('cell') ?? []).map((c, i) => {
      const memory = readScaled(c.child('memory'), `host.topology.cell[${i}].memory`, 'KiB');
      return {
        id: this.intOf(c.attr('id'), `host.topology.cell[${i}].id`) ?? i,
        ...(memory === undefined ? {} : { memory }),
        cpus: (c.child('cpus')?.childrenNamed('cpu') ?? []).map((cpu) => this.intOf(cpu.attr('id'), `host.topology.cell[${i}].cpu.id`) ?? 0),
      };
    });
  }

  get secModels(): { readonly model: string; readonly doi: string }[] {
    return (this.element.child('host')?.childrenNamed('secmodel') ?? []).map((s) => ({ model: s.child('model')?.text.trim() ?? '', doi: s.child('doi')?.text.trim() ?? '' }));
  }

  get guests(): CapsGuest[] {
    return this.element.childrenNamed('guest').map((g, i) => {
      const arch = g.child('arch');
      const wordsize = this.intOf(arch?.child('wordsize')?.text.trim(), `guest[${i}].arch.wordsize`);
      const emulator = arch?.child('emulator')?.text.trim();
      return {
        osType: g.child('os_type')?.text.trim() ?? '',
        arch: arch?.attr('name') ?? '',
        ...(wordsize === undefined ? {} : { wordsize }),
        ...(emulator === undefined ? {} : { emulator }),
        machines: machinesOf(arch, (v) => this.intOf(v, `guest[${i}].machine.maxCpus`)),
        domainTypes: (arch?.childrenNamed('domain') ?? []).map((d) => {
          const em = d.child('emulator')?.text.trim();
          return { type: d.attr('type') ?? '', ...(em === undefined ? {} : { emulator: em }), machines: machinesOf(d, (v) => this.intOf(v, `guest[${i}].domain.machine.maxCpus`)) };
        }),
        features: (g.child('features')?.elements ?? []).map((f) => f.name),
      };
    });
  }

  /** Guests that can run `osType` on `arch`, optionally with a given domain type (kvm, qemu). */
  findGuest(osType: string, arch: string, domainType?: string): CapsGuest | undefined {
    return this.guests.find((g) => g.osType === osType && g.arch === arch && (domainType === undefined || g.domainTypes.some((d) => d.type === domainType)));
  }
}

function machinesOf(el: XmlElement | undefined, int: (v: string | undefined) => number | undefined): GuestMachine[] {
  return (el?.childrenNamed('machine') ?? []).map((m) => {
    const canonical = m.attr('canonical');
    const maxCpus = int(m.attr('maxCpus'));
    return { name: m.text.trim(), ...(canonical === undefined ? {} : { canonical }), ...(maxCpus === undefined ? {} : { maxCpus }) };
  });
}

export function parseCapabilities(xml: string): CapabilitiesXml {
  const model = new CapabilitiesXml(XmlDocument.parse(xml, 'capabilities'));
  void model.guests;
  return model;
}
