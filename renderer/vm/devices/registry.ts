import type { DomainDevice } from '../../../drivers/xml/index.js';
import type { DevicePageEntry } from './device-page.js';

/**
 * The page for a device, by its class; undefined for a kind Hangar has no page for (the frame then shows it
 * read-only with its XML).
 */
export function devicePageFor(_device: DomainDevice): DevicePageEntry | undefined {
  return undefined;
}
