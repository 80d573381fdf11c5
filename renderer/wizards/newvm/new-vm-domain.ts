// The new VM's definition from the wizard's choices, with virt-install's defaults taken from the OS (osinfo-db)
// and the host's domain capabilities. Pure: the wizard calls it at Finish, a unit test calls it directly.
import type { OsDetails } from '../../../main/api/contract/osinfo.js';
import {
  buildCharDevice, buildController, buildDomain, buildGraphics, buildInput, buildRng, buildTpm, buildVideo,
  LIBOSINFO_NS, markInstallBoot, XmlElement, type DiskSpec, type DomainCapabilitiesXml, type InstallBootVolume, type DomainXml, type InterfaceSpec,
} from '../../../drivers/xml/index.js';

export type InstallMethod = 'iso' | 'url' | 'import' | 'pxe' | 'manual' | 'cloud';

export interface NewVmPlan {
  readonly name: string;
  readonly memoryMiB: number;
  readonly vcpus: number;
  readonly arch: string;
  /** The machine type the host offers for the arch (its default, or q35 when chosen). */
  readonly machine?: string;
  readonly virtType: 'kvm' | 'qemu';
  readonly emulator?: string;
  readonly os?: OsDetails;
  readonly method: InstallMethod;
  /** The install ISO (iso method) or cloud-init seed, as host paths. */
  readonly cdromPath?: string;
  readonly seedPath?: string;
  /** A network install's first boot: the tree's kernel and initrd (host paths) and the user's kernel arguments. */
  readonly installKernel?: {
    readonly kernel: string;
    readonly initrd: string;
    readonly cmdline: string;
    /** The volumes holding them, deleted once the VM has started. */
    readonly volumes: readonly InstallBootVolume[];
  };
  /** The VM's disk: a new or existing volume's path and format; none for a diskless VM. */
  readonly disk?: { readonly path: string; readonly format: string };
  readonly network?: { readonly type: 'network'; readonly network: string } | { readonly type: 'bridge'; readonly bridge: string };
  readonly graphics: 'vnc' | 'spice' | 'none';
  readonly firmwarePreference: 'bios' | 'uefi';
  readonly cpuModePreference: 'host-passthrough' | 'host-model' | 'hypervisor-default';
  readonly caps?: DomainCapabilitiesXml;
}

/** What the plan decided, for the summary and the tests: the defaults each choice led to. */
export interface NewVmDefaults {
  readonly machine?: string;
  readonly firmware: 'bios' | 'efi';
  readonly tpm: boolean;
  readonly diskBus: string;
  readonly cdromBus: string;
  readonly nicModel: string;
  readonly video: 'virtio' | 'qxl' | 'vga';
  readonly cpuMode?: 'host-passthrough' | 'host-model';
  readonly tablet: boolean;
  readonly xhci: boolean;
  readonly guestAgent: boolean;
  readonly rng: boolean;
  readonly balloon: boolean;
}

const isX86 = (arch: string): boolean => arch === 'x86_64' || arch === 'i686';

/** virt-install's choices for this OS on this host (unknown OS: a modern guest, as virt-install assumes). */
export function newVmDefaults(plan: NewVmPlan): NewVmDefaults {
  const os = plan.os;
  const s = os?.support;
  const modern = !os || !!s?.virtioDisk;
  const caps = plan.caps;
  const q35Machine = plan.machine && /q35/.test(plan.machine);
  const machine = plan.machine;
  const firmwares = caps?.firmwares ?? [];
  const wantsEfi = !!os?.needsUefi || plan.firmwarePreference === 'uefi';
  const firmware = wantsEfi && (firmwares.length === 0 || firmwares.includes('efi')) ? 'efi' : 'bios';
  const tpmCaps = caps?.devices['tpm'];
  const diskBuses = caps?.deviceEnum('disk', 'bus') ?? [];
  const busOk = (b: string): boolean => diskBuses.length === 0 || diskBuses.includes(b);
  const legacyBus = q35Machine ? 'sata' : 'ide';
  const diskBus = modern && busOk('virtio') ? 'virtio' : busOk(legacyBus) ? legacyBus : 'sata';
  const cdromBus = isX86(plan.arch) ? (busOk(legacyBus) ? legacyBus : 'sata') : 'scsi';
  const nicModel = !os || s?.virtioNet ? 'virtio' : q35Machine ? 'e1000e' : 'e1000';
  const videoModels = caps?.deviceEnum('video', 'modelType') ?? [];
  const videoOk = (m: string): boolean => videoModels.length === 0 || videoModels.includes(m);
  const video = (!os || s?.virtioGpu) && videoOk('virtio') ? 'virtio' : plan.graphics === 'spice' && videoOk('qxl') ? 'qxl' : 'vga';
  const cpuMode = plan.virtType === 'kvm' && plan.cpuModePreference !== 'hypervisor-default' && (caps?.cpuModeSupported(plan.cpuModePreference) ?? true)
    ? plan.cpuModePreference : undefined;
  const family = os?.family;
  return {
    ...(machine ? { machine } : {}),
    firmware,
    tpm: !!os?.needsUefi && (tpmCaps?.supported ?? false),
    diskBus,
    cdromBus,
    nicModel,
    video,
    ...(cpuMode ? { cpuMode } : {}),
    tablet: plan.graphics !== 'none' && (!os || s?.usbTablet !== false),
    xhci: !os || !!s?.qemuXhci,
    guestAgent: !os || family === 'linux' || family === 'winnt' || family === 'win',
    rng: (!os || !!s?.virtioRng) && (caps?.devices['rng']?.supported ?? true),
    balloon: !os || !!s?.virtioBalloon,
  };
}

/** The new VM's definition, built with the drivers/xml builders. */
export function buildNewVmDomain(plan: NewVmPlan): { domain: DomainXml; defaults: NewVmDefaults } {
  const d = newVmDefaults(plan);
  const disks: DiskSpec[] = [];
  const prefix = (bus: string): string => (bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd');
  const used = new Map<string, number>();
  const target = (bus: string): string => {
    const p = prefix(bus);
    const n = used.get(p) ?? 0;
    used.set(p, n + 1);
    return `${p}${String.fromCharCode(97 + n)}`;
  };
  if (plan.disk) disks.push({ source: { type: 'file', file: plan.disk.path }, targetDev: target(d.diskBus), bus: d.diskBus, format: plan.disk.format });
  const cdroms = [plan.method === 'iso' ? plan.cdromPath : undefined, plan.method === 'cloud' ? plan.seedPath : undefined].filter((p): p is string => !!p);
  // A CD-ROM bus shares target letters with disks on the same prefix (sda disk, sdb CD-ROM).
  for (const path of cdroms) disks.push({ device: 'cdrom', source: { type: 'file', file: path }, targetDev: target(d.cdromBus), bus: d.cdromBus, format: 'raw' });
  const interfaces: InterfaceSpec[] = plan.network
    ? [{ source: plan.network.type === 'network' ? { type: 'network', network: plan.network.network } : { type: 'bridge', bridge: plan.network.bridge }, model: d.nicModel }]
    : [];
  const extra: XmlElement[] = [];
  if (d.xhci) extra.push(buildController('usb', 'qemu-xhci'));
  if (d.guestAgent) extra.push(buildCharDevice({ kind: 'channel', source: { type: 'unix' }, name: 'org.qemu.guest_agent.0' }));
  if (plan.graphics !== 'none') {
    extra.push(buildGraphics({ type: plan.graphics }));
    extra.push(buildVideo(d.video));
  }
  if (d.tablet) extra.push(buildInput('tablet', 'usb'));
  if (d.tpm) extra.push(buildTpm({ model: 'tpm-crb' }));
  if (d.rng) extra.push(buildRng('/dev/urandom'));
  extra.push(XmlElement.create('memballoon', { model: d.balloon ? 'virtio' : 'none' }));
  const boot = plan.method === 'iso' ? (['cdrom', 'hd'] as const) : plan.method === 'pxe' ? (['network', 'hd'] as const) : (['hd'] as const);
  const domain = buildDomain({
    name: plan.name,
    type: plan.virtType,
    memory: plan.memoryMiB * 1024 * 1024,
    vcpus: plan.vcpus,
    arch: plan.arch,
    ...(d.machine ? { machine: d.machine } : {}),
    // BIOS is QEMU's own default: named, libvirt would look for a BIOS firmware descriptor Debian does not ship.
    ...(d.firmware === 'efi' ? { firmware: 'efi' as const } : {}),
    bootOrder: [...boot],
    ...(plan.installKernel ? { kernel: { path: plan.installKernel.kernel, initrd: plan.installKernel.initrd, ...(plan.installKernel.cmdline ? { cmdline: plan.installKernel.cmdline } : {}) } } : {}),
    ...(d.cpuMode ? { cpuMode: d.cpuMode } : {}),
    features: isX86(plan.arch) ? ['acpi', 'apic'] : [],
    clockOffset: plan.os?.family === 'winnt' || plan.os?.family === 'win' ? 'localtime' : 'utc',
    ...(plan.emulator ? { emulator: plan.emulator } : {}),
    disks,
    interfaces,
    graphics: 'none',
    serialConsole: true,
    extraDevices: extra,
  });
  // The installer's reboot ends the install boot instead of booting the installer again (virt-install does the same);
  // the final definition restarts as usual.
  if (plan.installKernel) {
    domain.setLifecycle('reboot', 'destroy');
    markInstallBoot(domain, plan.installKernel.volumes);
  }
  if (plan.os) {
    const md = XmlElement.create('libosinfo:libosinfo', { 'xmlns:libosinfo': LIBOSINFO_NS });
    md.insertChild(XmlElement.create('libosinfo:os', { id: plan.os.id }));
    domain.setMetadata(md);
  }
  return { domain, defaults: d };
}

