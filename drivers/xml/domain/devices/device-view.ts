import type { XmlElement } from '../../core/nodes.js';
import { CharDevice } from './char-device.js';
import { DomainDevice } from './device.js';
import { DiskDevice } from './disk.js';
import { GraphicsDevice } from './graphics.js';
import { HostdevDevice } from './hostdev.js';
import { InterfaceDevice } from './interface.js';
import {
  ControllerDevice, FilesystemDevice, InputDevice, MemballoonDevice, PanicDevice, RedirdevDevice, RngDevice, SmartcardDevice,
  SoundDevice, TpmDevice, VideoDevice, VsockDevice, WatchdogDevice,
} from './simple-devices.js';

type DeviceClass = new (el: XmlElement, field: string) => DomainDevice;

const classes: Readonly<Record<string, DeviceClass>> = {
  disk: DiskDevice,
  interface: InterfaceDevice,
  graphics: GraphicsDevice,
  serial: CharDevice,
  console: CharDevice,
  parallel: CharDevice,
  channel: CharDevice,
  hostdev: HostdevDevice,
  controller: ControllerDevice,
  input: InputDevice,
  video: VideoDevice,
  sound: SoundDevice,
  redirdev: RedirdevDevice,
  filesystem: FilesystemDevice,
  tpm: TpmDevice,
  rng: RngDevice,
  watchdog: WatchdogDevice,
  panic: PanicDevice,
  vsock: VsockDevice,
  smartcard: SmartcardDevice,
  memballoon: MemballoonDevice,
};

/** The typed view for a device element; unknown device classes get the generic one (still lossless). */
export function deviceView(el: XmlElement, field: string): DomainDevice {
  const Cls = classes[el.name] ?? DomainDevice;
  return new Cls(el, field);
}
