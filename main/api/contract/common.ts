// What every namespace of the contract shares: how objects are addressed, the error shape, and the pieces of
// input schemas that recur (ids, UUIDs, names, byte counts).
import { z } from 'zod';

/** An error as the renderer sees it: libvirt's code and domain survive, so does its message. */
export interface ApiError {
  readonly message: string;
  readonly code?: number;
  readonly domain?: number;
  /** The input field that was invalid, for form errors. */
  readonly field?: string;
}

/** A saved connection's id. */
export const connectionId = z.string().min(1, 'a connection id is required').max(200);
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');
export const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A libvirt URI as the user types it. */
export const libvirtUri = z.string().trim().min(1, 'A URI is required').max(2000).regex(/^[a-z][a-z0-9+.-]*:\/\//i, 'not a libvirt URI (e.g. qemu:///system)');
/** An XML document given to libvirt; the daemon validates it (VALIDATE flags), this only bounds its size. */
export const xmlDocument = z.string().min(1, 'the XML is empty').max(4_000_000, 'the XML is larger than 4 MB');
/** A libvirt object name (domain, network, pool): no slash, no control characters. */
export const objectName = z.string().trim().min(1, 'a name is required').max(255)
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  .regex(/^[^/\u0000-\u001f]+$/, 'a name has no "/" and no control characters');

/**
 * An object on one host: `key` is its UUID (domains, networks, pools), its name (node devices), or for a
 * volume the pool's UUID and the volume's name.
 */
export const objectRef = z.object({ connection: connectionId, key: z.string().min(1, 'a key is required').max(4096) });
export const uuidRef = z.object({ connection: connectionId, key: uuid });
export type ObjectRef = z.output<typeof objectRef>;

/** Where a change to a defined object takes effect: the running object, its persistent definition, or both. */
export const affect = z.object({ live: z.boolean().default(false), config: z.boolean().default(true) })
  .refine((a) => a.live || a.config, { message: 'choose live, config or both', path: ['live'] });
export type Affect = z.output<typeof affect>;
