// Reads every typed field of a model, so that a corpus run proves the models understand real XML
// (not only that the text survives). Returns a plain summary for assertions.
import type { NodeDeviceXml} from '../../drivers/xml/index.js';
import {
  CapabilitiesXml, DomainCapabilitiesXml, DomainXml, NetworkXml, SnapshotXml, StoragePoolXml, StorageVolumeXml,
  CharDevice, ControllerDevice, DiskDevice, FilesystemDevice, GraphicsDevice, HostdevDevice, InputDevice, InterfaceDevice,
  MemballoonDevice, PanicDevice, RedirdevDevice, RngDevice, SmartcardDevice, SoundDevice, TpmDevice, VideoDevice, VsockDevice,
  WatchdogDevice, type DomainDevice,
} from '../../drivers/xml/index.js';

type Model = DomainXml | NetworkXml | StoragePoolXml | StorageVolumeXml | CapabilitiesXml | DomainCapabilitiesXml | SnapshotXml | NodeDeviceXml;

function device(d: DomainDevice): unknown {
  const common = { kind: d.kind, type: d.type, alias: d.alias, address: d.address, boot: d.bootOrder };
  if (d instanceof DiskDevice) return { ...common, device: d.device, dev: d.targetDev, bus: d.bus, format: d.format, cache: d.cache, discard: d.discard, io: d.io, ro: d.readonly, share: d.shareable, serial: d.serial, source: d.source, driver: d.driverName };
  if (d instanceof InterfaceDevice) return { ...common, mac: d.mac, model: d.model, link: d.linkState, source: d.source, target: d.targetDev };
  if (d instanceof GraphicsDevice) return { ...common, port: d.port, autoport: d.autoport, listen: d.listen, passwd: d.passwd, keymap: d.keymap };
  if (d instanceof CharDevice) return { ...common, t: d.targetType, port: d.targetPort, name: d.targetName, path: d.sourcePath, log: d.logFile };
  if (d instanceof HostdevDevice) return { ...common, mode: d.mode, managed: d.managed, usb: d.usbIds, src: d.sourceAddress };
  if (d instanceof ControllerDevice) return { ...common, index: d.index, model: d.model };
  if (d instanceof InputDevice || d instanceof RedirdevDevice) return { ...common, bus: d.bus };
  if (d instanceof VideoDevice) return { ...common, model: d.model, vram: d.vram, heads: d.heads, accel3d: d.accel3d };
  if (d instanceof SoundDevice || d instanceof PanicDevice || d instanceof MemballoonDevice) return { ...common, model: d.model };
  if (d instanceof FilesystemDevice) return { ...common, mode: d.accessMode, driver: d.driverType, src: d.sourceDir, dst: d.targetDir };
  if (d instanceof TpmDevice) return { ...common, model: d.model, backend: d.backendType, version: d.backendVersion };
  if (d instanceof RngDevice) return { ...common, model: d.model, backend: d.backendModel, src: d.backendSource };
  if (d instanceof WatchdogDevice) return { ...common, model: d.model, action: d.action };
  if (d instanceof VsockDevice) return { ...common, model: d.model, auto: d.cidAuto, cid: d.cid };
  if (d instanceof SmartcardDevice) return { ...common, mode: d.mode };
  return common;
}

export function exerciseDomain(d: DomainXml): Record<string, unknown> {
  const cpu = d.cpu;
  const os = d.os;
  return {
    type: d.type, id: d.id, name: d.name, uuid: d.uuid, title: d.title, description: d.description,
    memory: d.memory, currentMemory: d.currentMemory, maxMemory: d.maxMemory,
    vcpus: d.vcpus, currentVcpus: d.currentVcpus, placement: d.vcpuPlacement,
    cpu: cpu === undefined ? undefined : { mode: cpu.mode, match: cpu.match, check: cpu.check, model: cpu.model, fallback: cpu.modelFallback, topology: cpu.topology, features: cpu.features },
    os: os === undefined ? undefined : { type: os.type, arch: os.arch, machine: os.machine, firmware: os.firmware, fwFeatures: os.firmwareFeatures, loader: os.loader, nvram: os.nvram, boot: os.bootOrder, menu: os.bootMenu, kernel: os.kernel, initrd: os.initrd, cmdline: os.cmdline, dtb: os.dtb },
    features: d.features, clock: d.clockOffset, timers: d.clockTimers,
    lifecycle: [d.getLifecycle('poweroff'), d.getLifecycle('reboot'), d.getLifecycle('crash')],
    emulator: d.emulator,
    devices: d.devices.map(device),
  };
}

/** Reads every typed field of any model; throws (XmlError) if the model cannot understand the XML. */
export function exercise(model: Model): Record<string, unknown> {
  if (model instanceof DomainXml) return exerciseDomain(model);
  if (model instanceof NetworkXml) {
    return {
      name: model.name, uuid: model.uuid, forward: model.forwardMode, devs: model.forwardDevices, bridge: model.bridgeName, mtu: model.mtu, mac: model.mac,
      domain: model.domainName, dnsHosts: model.dnsHosts, forwarders: model.dnsForwarders, portGroups: model.portGroups,
      ips: model.ips.map((ip) => ({ family: ip.family, address: ip.address, prefix: ip.prefix, ranges: ip.dhcpRanges, hosts: ip.dhcpHosts })),
    };
  }
  if (model instanceof StoragePoolXml) {
    return { type: model.type, name: model.name, uuid: model.uuid, capacity: model.capacity, allocation: model.allocation, available: model.available, source: model.source, path: model.targetPath, perms: model.targetPermissions };
  }
  if (model instanceof StorageVolumeXml) {
    return { type: model.type, name: model.name, key: model.key, capacity: model.capacity, allocation: model.allocation, format: model.format, path: model.path, perms: model.permissions, backing: model.backingStore };
  }
  if (model instanceof CapabilitiesXml) {
    return { uuid: model.hostUuid, arch: model.hostArch, model: model.hostCpuModel, vendor: model.hostCpuVendor, topology: model.hostCpuTopology, features: model.hostCpuFeatures, pages: model.hostPageSizes, iommu: model.iommuSupported, migration: model.migrationTransports, cells: model.numaCells, secModels: model.secModels, guests: model.guests };
  }
  if (model instanceof DomainCapabilitiesXml) {
    return { path: model.path, domain: model.domainType, machine: model.machine, arch: model.arch, maxVcpus: model.maxVcpus, iothreads: model.iothreadsSupported, os: model.os, firmwares: model.firmwares, loader: model.loader, cpuModes: model.cpuModes, devices: model.devices, features: model.features };
  }
  if (model instanceof SnapshotXml) {
    const dom = model.domain;
    return { name: model.name, description: model.description, state: model.state, parent: model.parent, created: model.creationTime, memory: model.memorySnapshot, disks: model.disks, domain: dom === undefined ? undefined : exerciseDomain(dom) };
  }
  return {
    name: model.name, path: model.path, parent: model.parent, driver: model.driverName, type: model.type, pci: model.pciAddress, usb: model.usbAddress,
    vendor: model.vendor, product: model.product, net: model.netInterface,
    caps: model.capabilities.map((c) => ({ type: c.type, nested: c.nested.map((n) => n.type) })),
  };
}
