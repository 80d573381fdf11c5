// The Demo host's capabilities and domain capabilities XML: enough for a new-VM wizard to offer x86_64
// guests with the usual devices, derived from the host's node info.
import type * as api from '../api/index.js';

export function capabilitiesXml(node: api.NodeInfo, hostUuid: string): string {
  const arch = node.model === 'i686' ? 'i686' : 'x86_64';
  const guest = (a: string): string => `  <guest>
    <os_type>hvm</os_type>
    <arch name='${a}'>
      <wordsize>${a === 'i686' ? 32 : 64}</wordsize>
      <emulator>/usr/bin/test-hv</emulator>
      <machine maxCpus='255'>pc</machine>
      <machine maxCpus='288'>q35</machine>
      <domain type='test'/>
      <domain type='kvm'/>
    </arch>
    <features>
      <acpi default='on' toggle='yes'/>
      <apic default='on' toggle='no'/>
      <pae/>
    </features>
  </guest>`;
  return `<capabilities>

  <host>
    <uuid>${hostUuid}</uuid>
    <cpu>
      <arch>${arch}</arch>
      <topology sockets='${node.sockets}' dies='1' cores='${node.cores}' threads='${node.threads}'/>
      <pages unit='KiB' size='4'/>
      <pages unit='KiB' size='2048'/>
    </cpu>
    <power_management/>
    <iommu support='no'/>
    <migration_features>
      <live/>
    </migration_features>
    <topology>
      <cells num='${node.nodes}'>
${Array.from({ length: node.nodes }, (_, i) => `        <cell id='${i}'>
          <memory unit='KiB'>${Math.floor(node.memory / node.nodes)}</memory>
        </cell>`).join('\n')}
      </cells>
    </topology>
    <secmodel>
      <model>testSecurity</model>
      <doi></doi>
    </secmodel>
  </host>

${guest('x86_64')}

${guest('i686')}

</capabilities>
`;
}

export function domainCapabilitiesXml(arch: string | null, machine: string | null, virtType: string | null): string {
  return `<domainCapabilities>
  <path>/usr/bin/test-hv</path>
  <domain>${virtType ?? 'kvm'}</domain>
  <machine>${machine ?? 'pc-q35'}</machine>
  <arch>${arch ?? 'x86_64'}</arch>
  <vcpu max='32'/>
  <iothreads supported='yes'/>
  <os supported='yes'>
    <enum name='firmware'>
      <value>bios</value>
      <value>efi</value>
    </enum>
    <loader supported='yes'>
      <enum name='type'>
        <value>rom</value>
        <value>pflash</value>
      </enum>
    </loader>
  </os>
  <cpu>
    <mode name='host-passthrough' supported='yes'/>
    <mode name='host-model' supported='yes'/>
    <mode name='custom' supported='yes'/>
  </cpu>
  <devices>
    <disk supported='yes'>
      <enum name='diskDevice'>
        <value>disk</value>
        <value>cdrom</value>
        <value>floppy</value>
        <value>lun</value>
      </enum>
      <enum name='bus'>
        <value>ide</value>
        <value>scsi</value>
        <value>virtio</value>
        <value>usb</value>
        <value>sata</value>
      </enum>
    </disk>
    <graphics supported='yes'>
      <enum name='type'>
        <value>vnc</value>
        <value>spice</value>
      </enum>
    </graphics>
    <video supported='yes'>
      <enum name='modelType'>
        <value>vga</value>
        <value>cirrus</value>
        <value>virtio</value>
        <value>bochs</value>
      </enum>
    </video>
    <hostdev supported='yes'>
      <enum name='mode'>
        <value>subsystem</value>
      </enum>
      <enum name='subsysType'>
        <value>usb</value>
        <value>pci</value>
      </enum>
    </hostdev>
    <rng supported='yes'>
      <enum name='model'>
        <value>virtio</value>
      </enum>
    </rng>
  </devices>
  <features>
    <gic supported='no'/>
    <vmcoreinfo supported='yes'/>
  </features>
</domainCapabilities>
`;
}
