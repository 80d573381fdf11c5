// drivers/xml: lossless, typed models of libvirt's XML (isomorphic: the renderer uses them too).

export { XmlError, type XmlErrorKind } from './core/xml-error.js';
export { encodeAttribute, encodeText } from './core/escape.js';
export { XmlDocument, parseElement } from './core/document.js';
export { newDocument } from './core/new-document.js';
export { formatXml } from './core/format.js';
export { XmlElement, XmlText, XmlComment, XmlCData, XmlProcessingInstruction, type XmlNode, type XmlAttribute } from './core/nodes.js';
export { ElementView } from './core/element-view.js';
export { XmlModel } from './core/xml-model.js';

export { DomainXml, parseDomain, domainOrder, deviceOrder, lifecycleActions, type LifecycleAction } from './domain/domain.js';
export { DomainCpu, type CpuTopology, type CpuFeature } from './domain/domain-cpu.js';
export { DomainOs, bootDevices, type BootDevice, type Loader } from './domain/domain-os.js';
export { DomainDevice } from './domain/devices/device.js';
export { deviceView } from './domain/devices/device-view.js';
export { DiskDevice, diskDeviceKinds, diskCacheModes, type DiskDeviceKind, type DiskCacheMode, type DiskSource, type NetworkDiskHost } from './domain/devices/disk.js';
export { InterfaceDevice, interfaceModels, directModes, generateMac, type InterfaceSource } from './domain/devices/interface.js';
export { GraphicsDevice, type GraphicsListen } from './domain/devices/graphics.js';
export { CharDevice, charSourceTypes, channelNames, type CharSourceType } from './domain/devices/char-device.js';
export { hasSharedMemory, enableSharedMemory } from './domain/devices/shared-memory.js';
export { nextTargetDev, targetPrefix } from './domain/devices/disk-target.js';
export { attachedDevices } from './domain/devices/controller-devices.js';
export { HostdevDevice } from './domain/devices/hostdev.js';
export {
  ControllerDevice, FilesystemDevice, InputDevice, MemballoonDevice, PanicDevice, RedirdevDevice, RngDevice, SmartcardDevice,
  SoundDevice, TpmDevice, VideoDevice, VsockDevice, WatchdogDevice, controllerTypes, controllerModels, inputTypes, inputBuses, videoModels,
  soundModels, filesystemDrivers, filesystemAccessModes, tpmModels, tpmBackends, rngModels, rngBackends, watchdogModels, watchdogActions,
  panicModels, smartcardModes, memballoonModels,
} from './domain/devices/simple-devices.js';

export { NetworkXml, NetworkIp, parseNetwork, forwardModes, networkOrder, type ForwardMode, type DhcpHost } from './network/network.js';
export { StoragePoolXml, parsePoolSources, parseStoragePool, poolTypes, readPoolSource, type PoolType, type PoolSource } from './storage/storage-pool.js';
export { StorageVolumeXml, parseStorageVolume } from './storage/storage-volume.js';
export type { Permissions } from './storage/permissions.js';

export { buildDomain, type DomainSpec } from './build/build-domain.js';
export { buildDisk, buildInterface, type DiskSpec, type InterfaceSpec } from './build/build-device.js';
export { buildNetwork, type NetworkSpec } from './build/build-network.js';
export { buildPoolSourceSpec, buildStoragePool, buildStorageVolume, type StoragePoolSpec, type StorageVolumeSpec } from './build/build-storage.js';

export { validateName, type NamedObject } from './validate/name.js';
export { validateMac } from './validate/mac.js';
export { validateUuid, normalizeUuid, generateUuid } from './validate/uuid.js';
export { parseSize, formatSize, sizeToBytes, exactSize, unitFactor, type ScaledSize } from './validate/size.js';
export { validateIpNetwork, validateDhcpRange, parseIp, parseIpv4, parseIpv6, netmaskToPrefix, type IpAddress, type IpNetwork } from './validate/ip.js';

export { CapabilitiesXml, parseCapabilities, type CapsGuest, type GuestMachine, type GuestDomainType, type NumaCell } from './capabilities/capabilities.js';
export { DomainCapabilitiesXml, parseDomainCapabilities, type CapsFeature, type CpuModeCaps } from './capabilities/domain-capabilities.js';
export { SnapshotXml, parseSnapshot, buildSnapshot, type SnapshotDisk, type SnapshotSpec } from './snapshot/snapshot.js';
export { NodeDeviceXml, NodeDeviceCapability, parseNodeDevice, type IdName } from './node-device/node-device.js';
export {
  buildGraphics, buildVideo, buildSound, buildInput, buildCharDevice, buildHostdev, buildRedirdev, buildFilesystem, buildTpm, buildRng, buildWatchdog,
  buildPanic, buildVsock, buildSmartcard, buildController, buildMemballoon, type GraphicsSpec, type CharSpec, type HostdevSpec, type FilesystemSpec,
} from './build/build-hardware.js';
export { HANGAR_TAGS_NS, HANGAR_TAGS_PREFIX, MAX_TAGS, changeTags, readTags, tagsElementXml, validateTag } from './metadata/hangar-tags.js';
export { LIBOSINFO_NS, readOsId, setOsId } from './metadata/osinfo-metadata.js';
export { endInstallBoot, HANGAR_INSTALL_BOOT_NS, installBootVolumes, markInstallBoot, type InstallBootVolume } from './metadata/install-boot.js';
