// The New VM definition follows the OS (osinfo-db) and the host's domain capabilities, as virt-install does.
import { describe, expect, it } from 'vitest';
import { endInstallBoot, installBootVolumes, parseDomain, parseDomainCapabilities } from '../../../drivers/xml/index.js';
import { OsinfoDb } from '../../../main/services/osinfo/osinfo-db.js';
import { buildNewVmDomain, type NewVmPlan } from '../../../renderer/wizards/newvm/new-vm-domain.js';

const db = new OsinfoDb();
const caps = (extra = '') => parseDomainCapabilities(`<domainCapabilities><path>/usr/bin/qemu-system-x86_64</path><domain>kvm</domain>
  <machine>pc-q35-7.2</machine><arch>x86_64</arch><vcpu max='255'/>
  <os supported='yes'><enum name='firmware'><value>bios</value><value>efi</value></enum></os>
  <cpu><mode name='host-passthrough' supported='yes'/><mode name='host-model' supported='yes'/></cpu>
  <devices><disk supported='yes'><enum name='bus'><value>sata</value><value>scsi</value><value>virtio</value><value>usb</value></enum></disk>
  <video supported='yes'><enum name='modelType'><value>vga</value><value>qxl</value><value>virtio</value></enum></video>
  <rng supported='yes'/>${extra}</devices></domainCapabilities>`);
const plan = (os: string | undefined, more: Partial<NewVmPlan> = {}): NewVmPlan => ({
  name: 'vm', memoryMiB: 2048, vcpus: 2, arch: 'x86_64', machine: 'q35', virtType: 'kvm', ...(os ? { os: db.get(os)! } : {}), method: 'iso',
  cdromPath: '/isos/install.iso', disk: { path: '/images/vm.qcow2', format: 'qcow2' }, network: { type: 'network', network: 'default' },
  graphics: 'vnc', firmwarePreference: 'bios', cpuModePreference: 'host-passthrough', caps: caps(), ...more,
});

describe('the New VM definition', () => {
  it('gives a modern Linux virtio disk, NIC, video and RNG, qemu-xhci, a tablet, the agent channel and a balloon', () => {
    const { domain, defaults } = buildNewVmDomain(plan('debian11'));
    const xml = domain.toXml();
    expect(defaults).toMatchObject({ firmware: 'bios', tpm: false, diskBus: 'virtio', cdromBus: 'sata', nicModel: 'virtio', video: 'virtio', cpuMode: 'host-passthrough', xhci: true, guestAgent: true, rng: true, balloon: true });
    // BIOS is left to QEMU's default, as virt-install does: no firmware autoselection to fail.
    expect(xml).not.toContain('firmware=');
    expect(xml).toContain("<target dev='vda' bus='virtio'/>");
    expect(xml).toContain("<target dev='sda' bus='sata'/>");
    expect(xml).toContain("<libosinfo:os id='http://debian.org/debian/11'/>");
    expect(xml).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
  });

  it('gives Windows 11 UEFI and a TPM when the host has one, local time, and no virtio it lacks drivers for', () => {
    const { domain, defaults } = buildNewVmDomain(plan('win11', { caps: caps("<tpm supported='yes'/>") }));
    expect(defaults).toMatchObject({ firmware: 'efi', tpm: true });
    const xml = domain.toXml();
    expect(xml).toContain("<os firmware='efi'>");
    expect(xml).toContain("<tpm model='tpm-crb'>");
    expect(xml).toContain("<clock offset='localtime'/>");
    expect(buildNewVmDomain(plan('win11')).defaults.tpm).toBe(false);
  });

  it('gives an OS without virtio drivers SATA and e1000e, and a VGA screen', () => {
    const { defaults } = buildNewVmDomain(plan('winxp'));
    expect(defaults).toMatchObject({ diskBus: 'sata', nicModel: 'e1000e', video: 'vga', rng: false, balloon: false });
  });

  it('uses no host CPU model under emulation, and boots PXE from the network', () => {
    const { domain, defaults } = buildNewVmDomain(plan('debian11', { virtType: 'qemu', method: 'pxe', cdromPath: undefined }));
    expect(defaults.cpuMode).toBeUndefined();
    const xml = domain.toXml();
    expect(xml).toContain("<domain type='qemu'>");
    expect(xml).not.toContain('<cpu');
    expect(xml).toMatch(/<boot dev='network'\/>\s*<boot dev='hd'\/>/);
    expect(xml).not.toContain("device='cdrom'");
  });

  it('follows the UEFI preference only where the host offers EFI firmware', () => {
    expect(buildNewVmDomain(plan('debian11', { firmwarePreference: 'uefi' })).defaults.firmware).toBe('efi');
    const noEfi = parseDomainCapabilities("<domainCapabilities><arch>x86_64</arch><os supported='yes'><enum name='firmware'><value>bios</value></enum></os></domainCapabilities>");
    expect(buildNewVmDomain(plan('debian11', { firmwarePreference: 'uefi', caps: noEfi })).defaults.firmware).toBe('bios');
  });

  it('boots a network install from the tree\'s kernel first, and drops it (only it) from the final definition', () => {
    const volumes = [{ pool: 'default', name: 'vm-kernel' }, { pool: 'default', name: 'vm-initrd' }];
    const kernel = { kernel: '/var/lib/libvirt/images/vm-kernel', initrd: '/var/lib/libvirt/images/vm-initrd', cmdline: 'console=ttyS0,115200 inst.repo=http://m.example/os/', volumes };
    const { domain } = buildNewVmDomain(plan('debian11', { method: 'url', installKernel: kernel }));
    const first = domain.toXml();
    expect(first).toContain('<kernel>/var/lib/libvirt/images/vm-kernel</kernel>');
    expect(first).toContain('<initrd>/var/lib/libvirt/images/vm-initrd</initrd>');
    expect(first).toContain('<cmdline>console=ttyS0,115200 inst.repo=http://m.example/os/</cmdline>');
    // The installer's own reboot ends the install boot rather than starting the installer again.
    expect(first).toContain('<on_reboot>destroy</on_reboot>');
    // No ISO for this method.
    expect(first).not.toContain("device='cdrom'");
    // As libvirt would give it back, with something the model does not know.
    const host = first.replace('<devices>', "<devices><!-- kept --><shmem name='x'/>");
    // The marker names the volumes to delete once the VM has started.
    expect(installBootVolumes(parseDomain(host))).toEqual(volumes);
    const model = parseDomain(host);
    endInstallBoot(model);
    const final = model.toXml();
    expect(installBootVolumes(model)).toBeUndefined();
    expect(final).not.toContain('install-boot');
    expect(final).not.toMatch(/<kernel>|<initrd>|<cmdline>/);
    expect(final).toContain('<on_reboot>restart</on_reboot>');
    expect(final).toContain("<boot dev='hd'/>");
    expect(final).toContain("<!-- kept --><shmem name='x'/>");
    expect(final).toContain("<source file='/images/vm.qcow2'/>");
    const drop = /<kernel>[^<]*<\/kernel>|<initrd>[^<]*<\/initrd>|<cmdline>[^<]*<\/cmdline>|<hangar:install-boot[\s\S]*?<\/hangar:install-boot>/g;
    expect(final.replace(/\s+/g, '')).toBe(host.replace(drop, '').replace('<on_reboot>destroy', '<on_reboot>restart').replace(/\s+/g, ''));
  });

  it('leaves the kernel arguments out when none are given', () => {
    const { domain } = buildNewVmDomain(plan(undefined, { method: 'url', installKernel: { kernel: '/k', initrd: '/i', cmdline: '', volumes: [] } }));
    expect(domain.toXml()).not.toContain('<cmdline');
  });
});
