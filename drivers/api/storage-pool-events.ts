// Storage pool events (virConnectStoragePoolEventRegisterAny).
import type { StoragePool } from './storage.js';
import type { VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, VIR_STORAGE_POOL_EVENT_ID_REFRESH } from './storage-constants.js';

export interface StoragePoolLifecycleEvent {
  readonly eventId: typeof VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE;
  readonly pool: StoragePool;
  /** VIR_STORAGE_POOL_EVENT_* */
  readonly event: number;
  readonly detail: number;
}
export interface StoragePoolRefreshEvent {
  readonly eventId: typeof VIR_STORAGE_POOL_EVENT_ID_REFRESH;
  readonly pool: StoragePool;
}
export interface StoragePoolEventMap {
  [VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE]: StoragePoolLifecycleEvent;
  [VIR_STORAGE_POOL_EVENT_ID_REFRESH]: StoragePoolRefreshEvent;
}
export type StoragePoolEventId = keyof StoragePoolEventMap;
export type StoragePoolEvent = StoragePoolEventMap[StoragePoolEventId];
