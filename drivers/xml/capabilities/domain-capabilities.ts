import { XmlDocument } from '../core/document.js';
import type { XmlElement } from '../core/nodes.js';
import { XmlModel } from '../core/xml-model.js';

/** An element of the `supported='yes|no'` + `<enum name=…><value>…` pattern domain capabilities use throughout. */
export interface CapsFeature {
  readonly supported: boolean;
  readonly enums: Readonly<Record<string, readonly string[]>>;
  /** Plain `<value>` children outside enums (e.g. loader paths). */
  readonly values: readonly string[];
}

export interface CpuModeCaps {
  readonly name: string;
  readonly supported: boolean;
  /** custom mode: the models and whether each is usable on this host. */
  readonly models: readonly { readonly name: string; readonly usable?: string; readonly vendor?: string; readonly canonical?: string }[];
  /** host-model mode: the model and vendor libvirt would pick, with its features. */
  readonly features: readonly { readonly name: string; readonly policy: string }[];
  readonly vendor?: string;
}

/** Typed model of `virConnectGetDomainCapabilities` (`<domainCapabilities>`): what a given emulator/arch/machine/type supports. */
export class DomainCapabilitiesXml extends XmlModel {
  get path(): string | undefined {
    return this.getText('path')?.trim();
  }

  get domainType(): string | undefined {
    return this.getText('domain')?.trim();
  }

  get machine(): string | undefined {
    return this.getText('machine')?.trim();
  }

  get arch(): string | undefined {
    return this.getText('arch')?.trim();
  }

  get maxVcpus(): number | undefined {
    return this.intOf(this.getAttr('vcpu@max'), 'vcpu.max');
  }

  get iothreadsSupported(): boolean {
    return this.getAttr('iothreads@supported') === 'yes';
  }

  get os(): CapsFeature | undefined {
    return capsFeature(this.element.child('os'));
  }

  /** Firmware kinds for automatic selection (`efi`, `bios`). */
  get firmwares(): readonly string[] {
    return this.os?.enums.firmware ?? [];
  }

  get loader(): CapsFeature | undefined {
    return capsFeature(this.element.path('os/loader'));
  }

  get cpuModes(): CpuModeCaps[] {
    return (this.element.child('cpu')?.childrenNamed('mode') ?? []).map((m) => {
      const vendor = m.child('vendor')?.text.trim();
      return {
        name: m.attr('name') ?? '',
        supported: m.attr('supported') === 'yes',
        models: m.childrenNamed('model').map((x) => {
          const out: { name: string; usable?: string; vendor?: string; canonical?: string } = { name: x.text.trim() };
          for (const k of ['usable', 'vendor', 'canonical'] as const) {
            const v = x.attr(k);
            if (v !== undefined) out[k] = v;
          }
          return out;
        }),
        features: m.childrenNamed('feature').map((f) => ({ name: f.attr('name') ?? '', policy: f.attr('policy') ?? '' })),
        ...(vendor === undefined ? {} : { vendor }),
      };
    });
  }

  cpuModeSupported(mode: string): boolean {
    return this.cpuModes.some((m) => m.name === mode && m.supported);
  }

  /** Device classes (`disk`, `graphics`, `video`, `hostdev`, `rng`, `tpm`, …) with their enums. */
  get devices(): Readonly<Record<string, CapsFeature>> {
    const out: Record<string, CapsFeature> = {};
    for (const d of this.element.child('devices')?.elements ?? []) {
      const f = capsFeature(d);
      if (f !== undefined) out[d.name] = f;
    }
    return out;
  }

  /** Values of one enum of a device class, e.g. deviceEnum('disk', 'bus') → ['ide', 'scsi', 'virtio', …]. */
  deviceEnum(device: string, name: string): readonly string[] {
    return this.devices[device]?.enums[name] ?? [];
  }

  /** Hypervisor features (`gic`, `vmcoreinfo`, `genid`, `sev`, …) and whether each is supported. */
  get features(): Readonly<Record<string, boolean>> {
    const out: Record<string, boolean> = {};
    for (const f of this.element.child('features')?.elements ?? []) out[f.name] = f.attr('supported') === 'yes';
    return out;
  }
}

function capsFeature(el: XmlElement | undefined): CapsFeature | undefined {
  if (el === undefined) return undefined;
  const enums: Record<string, string[]> = {};
  for (const e of el.childrenNamed('enum')) enums[e.attr('name') ?? ''] = e.childrenNamed('value').map((v) => v.text.trim());
  return { supported: el.attr('supported') === 'yes', enums, values: el.childrenNamed('value').map((v) => v.text.trim()) };
}

export function parseDomainCapabilities(xml: string): DomainCapabilitiesXml {
  const model = new DomainCapabilitiesXml(XmlDocument.parse(xml, 'domainCapabilities'));
  void model.maxVcpus;
  return model;
}
