// The API contract between the renderer and main, in one place: every call with its input schema (validated
// with zod at the boundary) and result type, and every event. Carried by Electron IPC or by the browser mode's
// WebSocket; the renderer imports only the types.
import { z } from 'zod';

/** A connection the user saved: what virt-manager keeps in its "connections" list. */
export interface SavedConnection {
  readonly id: string;
  readonly uri: string;
  /** Display name; empty means "derive from the URI". */
  readonly name: string;
  readonly autoconnect: boolean;
}

export type ConnectionState =
  | { readonly state: 'disconnected' }
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'connected' }
  | { readonly state: 'error'; readonly message: string; readonly code?: number; readonly retryInMs?: number };

/** What the manager window shows of a domain. */
export interface DomainSummary {
  readonly uuid: string;
  readonly name: string;
  /** -1 while not running. */
  readonly id: number;
  /** virDomainState and its reason. */
  readonly state: number;
  readonly reason: number;
  readonly persistent: boolean;
  /** From the domain's XML: the one-line title, if any, and what the VM is given. */
  readonly title?: string;
  readonly vcpus?: number;
  readonly memoryBytes?: number;
  /** The domain's XML as libvirt gives it (the live definition while running); drivers/xml models read it. */
  readonly xml: string;
}

export interface NetworkSummary {
  readonly uuid: string;
  readonly name: string;
  readonly active: boolean;
  readonly persistent: boolean;
  readonly autostart: boolean;
  /** The network's XML as libvirt gives it; drivers/xml models read it. */
  readonly xml: string;
}

export interface VolumeSummary {
  readonly key: string;
  readonly name: string;
  readonly path: string;
  /** virStorageVolType */
  readonly type: number;
  readonly capacity: number;
  readonly allocation: number;
}

export interface PoolSummary {
  readonly uuid: string;
  readonly name: string;
  /** virStoragePoolState */
  readonly state: number;
  readonly active: boolean;
  readonly persistent: boolean;
  readonly autostart: boolean;
  readonly capacity: number;
  readonly allocation: number;
  readonly available: number;
  readonly xml: string;
  /** Only for active pools (libvirt lists no volumes of an inactive one). */
  readonly volumes: readonly VolumeSummary[];
}

export interface NodeDeviceSummary {
  readonly name: string;
  readonly parent: string | null;
  readonly caps: readonly string[];
  readonly xml: string;
}

export type JobKind = 'domain.managedSave' | 'domain.migrate' | 'volume.upload' | 'volume.create' | 'volume.clone';

/** What a finished job made: the new volume, or the VM where it now runs. */
export type JobResult =
  | { readonly kind: 'volume'; readonly pool: string; readonly name: string; readonly key: string; readonly path: string; readonly capacity: number; readonly allocation: number }
  | { readonly kind: 'domain'; readonly connectionId: string; readonly uuid: string; readonly name: string };

/** A long operation: progress (0–1, or null while unknown), cancel where the host allows it, then a result. */
export interface JobView {
  readonly id: string;
  readonly connectionId: string;
  readonly kind: JobKind;
  /** What it works on, for the user: a VM's or a volume's name. */
  readonly target: string;
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  readonly progress: number | null;
  readonly cancellable: boolean;
  readonly error?: ApiError;
  /** Set when the job is done. */
  readonly result?: JobResult;
  readonly startedAt: number;
  readonly endedAt?: number;
}

export type ObjectKind = 'network' | 'pool' | 'nodedev';

export interface HostObjects {
  readonly networks: readonly NetworkSummary[];
  readonly pools: readonly PoolSummary[];
  readonly nodeDevices: readonly NodeDeviceSummary[];
}

/** One domain's rates at one stats tick. */
export interface DomainSample {
  /** Guest CPU use, % of its vCPUs (0–100). */
  readonly cpuPercent: number;
  readonly vcpus: number;
  /** Memory the guest has (balloon current), KiB. */
  readonly memoryKiB: number;
  readonly diskReadBps: number;
  readonly diskWriteBps: number;
  readonly netRxBps: number;
  readonly netTxBps: number;
}

const id = z.string().min(1).max(200);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');

export const DOMAIN_ACTIONS = ['start', 'shutdown', 'reboot', 'reset', 'forceoff', 'pause', 'resume'] as const;
export type DomainAction = (typeof DOMAIN_ACTIONS)[number];

/** A question a connection asks the user while it opens. */
export type PromptRequest =
  | { readonly kind: 'password'; readonly uri: string; readonly user: string; readonly host: string; readonly canRemember: boolean }
  | { readonly kind: 'passphrase'; readonly uri: string; readonly keyPath: string; readonly canRemember: boolean }
  | { readonly kind: 'hostkey'; readonly uri: string; readonly host: string; readonly keyType: string; readonly fingerprint: string };

/** Preferences (what virt-manager keeps in its Preferences dialog). */
export const settingsSchema = z.object({
  /** How often VM stats are sampled, in seconds. */
  statsIntervalSeconds: z.number().int().min(1, 'at least 1 second').max(60, 'at most 60 seconds').default(3),
});
export type Settings = z.output<typeof settingsSchema>;

const volumeName = z.string().min(1).max(255).regex(/^[^/]+$/, 'a volume name has no "/"');
const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A new volume as the wizard describes it; the XML is built from it in main. */
const volumeSpec = z.object({
  name: volumeName,
  capacity: bytes.min(1, 'at least 1 byte'),
  /** Bytes to preallocate; 0 (the default) makes a sparse volume. */
  allocation: bytes.default(0),
  format: z.string().regex(/^[a-z0-9-]{1,32}$/, 'a format such as raw or qcow2').optional(),
}).refine((v) => v.allocation <= v.capacity, { path: ['allocation'], message: 'cannot be more than the capacity' });

export const callSchemas = {
  'app.info': z.object({}),
  'connections.list': z.object({}),
  'connections.add': z.object({
    uri: z.string().trim().min(1, 'A URI is required').max(2000).regex(/^[a-z][a-z0-9+.-]*:\/\//i, 'not a libvirt URI (e.g. qemu:///system)'),
    name: z.string().max(200).default(''),
    autoconnect: z.boolean().default(true),
  }),
  'connections.remove': z.object({ id }),
  'connections.connect': z.object({ id }),
  'connections.disconnect': z.object({ id }),
  'domains.action': z.object({ id, uuid, action: z.enum(DOMAIN_ACTIONS) }),
  'stats.watch': z.object({ id, watch: z.boolean() }),
  'stats.history': z.object({ id, uuid }),
  'inventory.objects': z.object({ id }),
  'jobs.managedSave': z.object({ id, uuid }),
  'jobs.uploadVolume': z.object({ id, pool: uuid, volume: z.string().min(1).max(255), path: z.string().min(1).max(4096).regex(/^\//, 'an absolute path') }),
  /** A new volume from a spec, or from the user's own volume XML. */
  'jobs.createVolume': z.object({ id, pool: uuid, volume: z.union([volumeSpec, z.object({ xml: z.string().min(1).max(1_000_000) })]) }),
  /** A copy of `volume` (in `pool`) named `name`, in `targetPool` (default: the same pool). */
  'jobs.cloneVolume': z.object({ id, pool: uuid, volume: volumeName, name: volumeName, targetPool: uuid.optional() }),
  /**
   * Live peer-to-peer migration to the saved connection `to`. `destinationUri` is how the source host reaches the
   * destination's daemon when that differs from the saved URI (e.g. qemu+ssh://host/system); `temporary` leaves
   * the VM defined on the source and transient on the destination (virt-manager's "temporary move").
   */
  'jobs.migrate': z.object({
    id,
    uuid,
    to: id,
    destinationUri: z.string().trim().min(1).max(2000).regex(/^[a-z][a-z0-9+.-]*:\/\//i, 'not a libvirt URI').optional(),
    tunnelled: z.boolean().default(false),
    temporary: z.boolean().default(false),
    /** MiB/s; unset means libvirt's default (unlimited). */
    bandwidthMiBs: z.number().int().min(1).max(1_000_000).optional(),
  }).refine((m) => m.to !== m.id, { path: ['to'], message: 'the destination is the source' }),
  'jobs.cancel': z.object({ job: id }),
  'jobs.list': z.object({}),
  /** `remember` keeps a password or passphrase for the next connect, where secrets can be saved (canRemember). */
  'prompts.answer': z.object({ id, answer: z.union([z.string().max(4096), z.boolean(), z.null()]), remember: z.boolean().default(false) }),
  'settings.get': z.object({}),
  'settings.set': settingsSchema.partial(),
} as const;

export type CallName = keyof typeof callSchemas;
export type CallInput<C extends CallName> = z.input<(typeof callSchemas)[C]>;
export type ParsedInput<C extends CallName> = z.output<(typeof callSchemas)[C]>;

export interface HostView {
  readonly connection: SavedConnection;
  readonly state: ConnectionState;
  readonly domains: readonly DomainSummary[];
}

export interface CallResults {
  'app.info': { readonly version: string; readonly mode: 'web' | 'electron' };
  'connections.list': readonly HostView[];
  'connections.add': SavedConnection;
  'connections.remove': null;
  'connections.connect': null;
  'connections.disconnect': null;
  'domains.action': null;
  'stats.watch': null;
  'stats.history': readonly DomainSample[];
  'inventory.objects': HostObjects;
  'jobs.managedSave': JobView;
  'jobs.uploadVolume': JobView;
  'jobs.createVolume': JobView;
  'jobs.cloneVolume': JobView;
  'jobs.migrate': JobView;
  'jobs.cancel': JobView;
  'jobs.list': readonly JobView[];
  'prompts.answer': { readonly open: boolean };
  'settings.get': Settings;
  'settings.set': Settings;
}

/** Events, delivered in batches (at most one batch per 100 ms). */
export type ApiEvent =
  | { readonly type: 'connection'; readonly connection: SavedConnection; readonly state: ConnectionState }
  | { readonly type: 'connection-removed'; readonly id: string }
  | { readonly type: 'domains-reset'; readonly id: string; readonly domains: readonly DomainSummary[] }
  | { readonly type: 'domains'; readonly id: string; readonly upserted: readonly DomainSummary[]; readonly removed: readonly string[] }
  | { readonly type: 'stats'; readonly id: string; readonly at: number; readonly domains: Readonly<Record<string, DomainSample>> }
  | { readonly type: 'objects'; readonly id: string; readonly kind: ObjectKind; readonly upserted: readonly (NetworkSummary | PoolSummary | NodeDeviceSummary)[]; readonly removed: readonly string[] }
  | { readonly type: 'job'; readonly job: JobView }
  | { readonly type: 'prompt'; readonly id: string; readonly request: PromptRequest }
  | { readonly type: 'prompt-closed'; readonly id: string };

/** An error as the renderer sees it: libvirt's code and domain survive, so does its message. */
export interface ApiError {
  readonly message: string;
  readonly code?: number;
  readonly domain?: number;
  /** The input field that was invalid, for form errors. */
  readonly field?: string;
}

/** Frames on the wire (WebSocket JSON; the same shapes over IPC). */
export type ClientFrame = { readonly kind: 'call'; readonly seq: number; readonly call: string; readonly input: unknown };
export type ServerFrame =
  | { readonly kind: 'result'; readonly seq: number; readonly result: unknown }
  | { readonly kind: 'error'; readonly seq: number; readonly error: ApiError }
  | { readonly kind: 'events'; readonly events: readonly ApiEvent[] };
