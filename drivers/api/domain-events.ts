// Domain events (virConnectDomainEventRegisterAny): one record type per event ID.
import type { Domain } from './domain.js';
import type { VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, VIR_DOMAIN_EVENT_ID_PMSUSPEND, VIR_DOMAIN_EVENT_ID_PMWAKEUP, VIR_DOMAIN_EVENT_ID_REBOOT, VIR_DOMAIN_EVENT_ID_RTC_CHANGE, VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIR_DOMAIN_EVENT_ID_TUNABLE, VIR_DOMAIN_EVENT_ID_WATCHDOG } from './domain-constants.js';
import type { TypedParameter } from './domain-stats.js';

interface DomainEventBase {
  readonly domain: Domain;
}
export interface DomainLifecycleEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_LIFECYCLE;
  /** virDomainEventType */
  readonly event: number;
  /** The detail code for that type, e.g. VIR_DOMAIN_EVENT_STOPPED_DESTROYED. */
  readonly detail: number;
}
export interface DomainRebootEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_REBOOT;
}
export interface DomainRTCChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_RTC_CHANGE;
  /** Seconds of offset from UTC. */
  readonly utcOffset: number;
}
export interface DomainWatchdogEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_WATCHDOG;
  readonly action: number;
}
export interface DomainIOErrorReasonEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON;
  readonly srcPath: string;
  readonly devAlias: string;
  readonly action: number;
  readonly reason: string;
}
export interface DomainTrayChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_TRAY_CHANGE;
  readonly devAlias: string;
  /** VIR_DOMAIN_EVENT_TRAY_CHANGE_* */
  readonly reason: number;
}
export interface DomainPMWakeupEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_PMWAKEUP;
  readonly reason: number;
}
export interface DomainPMSuspendEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_PMSUSPEND;
  readonly reason: number;
}
export interface DomainBalloonChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE;
  /** New balloon size in KiB. */
  readonly actual: number;
}
export interface DomainDeviceRemovedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED;
  readonly devAlias: string;
}
export interface DomainBlockJobEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2;
  /** Target (e.g. "vda") or source path. */
  readonly disk: string;
  /** virDomainBlockJobType */
  readonly type: number;
  /** virConnectDomainEventBlockJobStatus */
  readonly status: number;
}
export interface DomainTunableEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_TUNABLE;
  readonly params: readonly TypedParameter[];
}
export interface DomainAgentLifecycleEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE;
  readonly state: number;
  readonly reason: number;
}
export interface DomainDeviceAddedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_DEVICE_ADDED;
  readonly devAlias: string;
}
export interface DomainJobCompletedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_JOB_COMPLETED;
  readonly params: readonly TypedParameter[];
}
export interface DomainDeviceRemovalFailedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED;
  readonly devAlias: string;
}
export interface DomainMetadataChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_METADATA_CHANGE;
  /** virDomainMetadataType */
  readonly type: number;
  /** Namespace URI for VIR_DOMAIN_METADATA_ELEMENT, else null. */
  readonly nsuri: string | null;
}

/** The domain events this contract delivers, by virDomainEventID. */
export interface DomainEventMap {
  [VIR_DOMAIN_EVENT_ID_LIFECYCLE]: DomainLifecycleEvent;
  [VIR_DOMAIN_EVENT_ID_REBOOT]: DomainRebootEvent;
  [VIR_DOMAIN_EVENT_ID_RTC_CHANGE]: DomainRTCChangeEvent;
  [VIR_DOMAIN_EVENT_ID_WATCHDOG]: DomainWatchdogEvent;
  [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON]: DomainIOErrorReasonEvent;
  [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE]: DomainTrayChangeEvent;
  [VIR_DOMAIN_EVENT_ID_PMWAKEUP]: DomainPMWakeupEvent;
  [VIR_DOMAIN_EVENT_ID_PMSUSPEND]: DomainPMSuspendEvent;
  [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE]: DomainBalloonChangeEvent;
  [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED]: DomainDeviceRemovedEvent;
  [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2]: DomainBlockJobEvent;
  [VIR_DOMAIN_EVENT_ID_TUNABLE]: DomainTunableEvent;
  [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE]: DomainAgentLifecycleEvent;
  [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED]: DomainDeviceAddedEvent;
  [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED]: DomainJobCompletedEvent;
  [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED]: DomainDeviceRemovalFailedEvent;
  [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE]: DomainMetadataChangeEvent;
}
export type DomainEventId = keyof DomainEventMap;
export type DomainEvent = DomainEventMap[DomainEventId];
