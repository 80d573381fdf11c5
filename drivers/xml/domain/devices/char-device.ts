import { DomainDevice } from './device.js';

/** `<serial>`, `<console>`, `<parallel>`, `<channel>`: a character device and its host-side backend. */
export class CharDevice extends DomainDevice {
  /** `<target type=…>`: isa-serial, virtio, guestfwd, … */
  get targetType(): string | undefined {
    return this.getAttr('target@type');
  }

  /** Guest-side port index (serial/console/parallel). */
  get targetPort(): number | undefined {
    return this.intOf(this.getAttr('target@port'), 'target.port');
  }

  /** Channel name, e.g. org.qemu.guest_agent.0. */
  get targetName(): string | undefined {
    return this.getAttr('target@name');
  }

  /** Host-side path (pty, file, unix socket). */
  get sourcePath(): string | undefined {
    return this.getAttr('source@path') ?? this.element.attr('tty');
  }

  /** `<log file=…>`, where output is also written. */
  get logFile(): string | undefined {
    return this.getAttr('log@file');
  }
}
