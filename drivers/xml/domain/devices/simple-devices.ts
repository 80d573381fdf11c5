import { DomainDevice } from './device.js';

// Device classes whose editable surface is a model/type and a few attributes.

/** `<controller type=… index=… model=…>`. */
export class ControllerDevice extends DomainDevice {
  get index(): number | undefined {
    return this.intOf(this.element.attr('index'), 'index');
  }
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    this.element.setAttr('model', model);
  }
}

/** `<input type='tablet|mouse|keyboard|passthrough|evdev' bus=…>`. */
export class InputDevice extends DomainDevice {
  get bus(): string | undefined {
    return this.element.attr('bus');
  }
}

/** `<video><model type=… vram=… heads=…/></video>`. */
export class VideoDevice extends DomainDevice {
  get model(): string | undefined {
    return this.getAttr('model@type');
  }
  set model(model: string | undefined) {
    this.setAttrAt('model@type', model);
  }
  get vram(): number | undefined {
    return this.intOf(this.getAttr('model@vram'), 'model.vram');
  }
  get heads(): number | undefined {
    return this.intOf(this.getAttr('model@heads'), 'model.heads');
  }
  get accel3d(): boolean {
    return this.getAttr('model/acceleration@accel3d') === 'yes';
  }
}

/** `<sound model=…>`. */
export class SoundDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    this.element.setAttr('model', model);
  }
}

/** `<redirdev bus='usb' type='spicevmc'>`. */
export class RedirdevDevice extends DomainDevice {
  get bus(): string | undefined {
    return this.element.attr('bus');
  }
}

/** `<filesystem>`: a host directory shared with the guest (virtiofs, 9p). */
export class FilesystemDevice extends DomainDevice {
  get accessMode(): string | undefined {
    return this.element.attr('accessmode');
  }
  get driverType(): string | undefined {
    return this.getAttr('driver@type');
  }
  get sourceDir(): string | undefined {
    return this.getAttr('source@dir') ?? this.getAttr('source@file') ?? this.getAttr('source@name');
  }
  get targetDir(): string | undefined {
    return this.getAttr('target@dir');
  }
}

/** `<tpm model=…><backend type='emulator|passthrough' version=…/></tpm>`. */
export class TpmDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  get backendType(): string | undefined {
    return this.getAttr('backend@type');
  }
  get backendVersion(): string | undefined {
    return this.getAttr('backend@version');
  }
}

/** `<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>`. */
export class RngDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  get backendModel(): string | undefined {
    return this.getAttr('backend@model');
  }
  get backendSource(): string | undefined {
    const t = this.getText('backend');
    return t === undefined || t.trim() === '' ? undefined : t.trim();
  }
}

/** `<watchdog model=… action=…>`. */
export class WatchdogDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  get action(): string | undefined {
    return this.element.attr('action');
  }
  set action(action: string | undefined) {
    if (action !== undefined) this.checkOneOf(action, ['reset', 'shutdown', 'poweroff', 'pause', 'none', 'dump', 'inject-nmi'], 'action');
    this.element.setAttr('action', action);
  }
}

/** `<panic model=…>`. */
export class PanicDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
}

/** `<vsock model='virtio'><cid auto='yes' address=…/></vsock>`. */
export class VsockDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  get cidAuto(): boolean {
    return this.getAttr('cid@auto') !== 'no';
  }
  get cid(): number | undefined {
    return this.intOf(this.getAttr('cid@address'), 'cid.address');
  }
}

/** `<smartcard mode='host|host-certificates|passthrough'>`. */
export class SmartcardDevice extends DomainDevice {
  get mode(): string | undefined {
    return this.element.attr('mode');
  }
}

/** `<memballoon model=…>`, with its stats period. */
export class MemballoonDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  get statsPeriod(): number | undefined {
    return this.intOf(this.getAttr('stats@period'), 'stats.period');
  }
}
