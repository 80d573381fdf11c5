import {
  BoltIcon, CompactDiscIcon, CreditCardIcon, DesktopIcon, ExchangeAltIcon, FolderOpenIcon, HddIcon, HeartbeatIcon, KeyboardIcon, LinkIcon,
  LockIcon, MemoryIcon, MicrochipIcon, MouseIcon, NetworkWiredIcon, PlugIcon, RandomIcon, SaveIcon, SitemapIcon, TerminalIcon, TvIcon,
  UsbIcon, VolumeUpIcon,
} from '@patternfly/react-icons';
import type { TFunction } from 'i18next';
import {
  CharDevice, ControllerDevice, DiskDevice, FilesystemDevice, GraphicsDevice, HostdevDevice, InputDevice, InterfaceDevice, MemballoonDevice,
  PanicDevice, RedirdevDevice, RngDevice, SmartcardDevice, SoundDevice, TpmDevice, VideoDevice, VsockDevice, WatchdogDevice,
  type DomainDevice,
} from '../../../drivers/xml/index.js';
import { CharPage } from './CharPage.js';
import { ControllerPage } from './ControllerPage.js';
import type { DevicePageEntry } from './device-page.js';
import { DiskPage } from './DiskPage.js';
import { FilesystemPage } from './FilesystemPage.js';
import { GraphicsPage } from './GraphicsPage.js';
import { hostdevName, HostdevPage } from './HostdevPage.js';
import { InputPage } from './InputPage.js';
import { MemballoonPage } from './MemballoonPage.js';
import { NicPage } from './NicPage.js';
import { PanicPage } from './PanicPage.js';
import { RedirdevPage } from './RedirdevPage.js';
import { RngPage } from './RngPage.js';
import { SmartcardPage } from './SmartcardPage.js';
import { SoundPage } from './SoundPage.js';
import { TpmPage } from './TpmPage.js';
import { VideoPage } from './VideoPage.js';
import { VsockPage } from './VsockPage.js';
import { WatchdogPage } from './WatchdogPage.js';

/** An entry for one device class (the registry's table holds them by class, so each is typed by its own device). */
function entry<D extends DomainDevice>(cls: abstract new (...args: never[]) => D, e: DevicePageEntry<D>): readonly [abstract new (...args: never[]) => DomainDevice, DevicePageEntry] {
  return [cls, e as unknown as DevicePageEntry];
}

function diskLabel(d: DiskDevice, t: TFunction): string {
  return `${t(`vmdevices.label.${d.device}`)} ${d.targetDev ?? ''}`.trim();
}

/** The last three octets, as virt-manager labels NICs ("NIC :12:34:56"). */
function nicLabel(d: InterfaceDevice, t: TFunction): string {
  const mac = d.mac;
  return mac === undefined ? t('vmdevices.label.nic') : `${t('vmdevices.label.nic')} ${mac.slice(mac.length - 9)}`;
}

function charLabel(d: CharDevice, t: TFunction): string {
  if (d.kind === 'channel') return `${t('vmdevices.label.channel')} ${d.targetName ?? d.type ?? ''}`.trim();
  return `${t(`vmdevices.label.${d.kind}`)} ${(d.targetPort ?? 0) + 1}`;
}

const table: readonly (readonly [abstract new (...args: never[]) => DomainDevice, DevicePageEntry])[] = [
  entry(DiskDevice, { label: diskLabel, icon: HddIcon, page: DiskPage }),
  entry(InterfaceDevice, { label: nicLabel, icon: NetworkWiredIcon, page: NicPage }),
  entry(GraphicsDevice, { label: (d, t) => `${t('vmdevices.label.graphics')} ${(d.type ?? '').toUpperCase()}`, icon: DesktopIcon, page: GraphicsPage }),
  entry(VideoDevice, { label: (d, t) => `${t('vmdevices.label.video')} ${d.model ?? ''}`.trim(), icon: TvIcon, page: VideoPage }),
  entry(SoundDevice, { label: (d, t) => `${t('vmdevices.label.sound')} ${d.model ?? ''}`.trim(), icon: VolumeUpIcon, page: SoundPage }),
  entry(InputDevice, {
    label: (d, t) => `${t(`vmdevices.input.types.${d.type ?? ''}`, { defaultValue: d.type ?? '' })} ${(d.bus ?? '').toUpperCase()}`.trim(),
    icon: MouseIcon,
    page: InputPage,
  }),
  entry(ControllerDevice, { label: (d, t) => `${t('vmdevices.label.controller')} ${d.type ?? ''} ${d.index ?? 0}`, icon: SitemapIcon, page: ControllerPage }),
  entry(CharDevice, { label: charLabel, icon: TerminalIcon, page: CharPage }),
  entry(HostdevDevice, { label: (d, t) => `${t(`vmdevices.label.hostdev.${d.type === 'usb' || d.type === 'pci' || d.type === 'mdev' ? d.type : 'other'}`)} ${hostdevName(d)}`, icon: UsbIcon, page: HostdevPage }),
  entry(FilesystemDevice, { label: (d, t) => `${t('vmdevices.label.filesystem')} ${d.targetDir ?? ''}`.trim(), icon: FolderOpenIcon, page: FilesystemPage }),
  entry(TpmDevice, { label: (d, t) => `${t('vmdevices.label.tpm')} ${d.backendVersion === undefined ? '' : `v${d.backendVersion}`}`.trim(), icon: LockIcon, page: TpmPage }),
  entry(RngDevice, { label: (d, t) => `${t('vmdevices.label.rng')} ${d.backendSource ?? ''}`.trim(), icon: RandomIcon, page: RngPage }),
  entry(WatchdogDevice, { label: (_d, t) => t('vmdevices.label.watchdog'), icon: HeartbeatIcon, page: WatchdogPage }),
  entry(PanicDevice, { label: (_d, t) => t('vmdevices.label.panic'), icon: BoltIcon, page: PanicPage }),
  entry(SmartcardDevice, { label: (_d, t) => t('vmdevices.label.smartcard'), icon: CreditCardIcon, page: SmartcardPage }),
  entry(RedirdevDevice, { label: (_d, t) => t('vmdevices.label.redirdev'), icon: ExchangeAltIcon, page: RedirdevPage }),
  entry(VsockDevice, { label: (_d, t) => t('vmdevices.label.vsock'), icon: LinkIcon, page: VsockPage }),
  entry(MemballoonDevice, { label: (_d, t) => t('vmdevices.label.memballoon'), icon: MemoryIcon, page: MemballoonPage }),
];

/**
 * The page for a device, by its class; undefined for a kind Hangar has no page for (the frame then shows it
 * read-only with its XML).
 */
export function devicePageFor(device: DomainDevice): DevicePageEntry | undefined {
  for (const [cls, e] of table) if (device instanceof cls) return e;
  return undefined;
}

// Icons for kinds only Add Hardware names (they have no class of their own).
export const kindIcons = { cdrom: CompactDiscIcon, floppy: SaveIcon, keyboard: KeyboardIcon, pci: MicrochipIcon, plug: PlugIcon } as const;
