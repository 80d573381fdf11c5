// domains.*: the VMs of a host. Lists carry summaries; the XML is fetched by the view that needs it.
import { z } from 'zod';
import type { CollectionList, DeltaEvent, HostScope, Keyed, ResetEvent } from './collections.js';
import { affect, connectionId, objectName, uuid, uuidRef, xmlDocument, type ApiError } from './common.js';
import { domainLifecycleCalls, type DomainLifecycleResults } from './domain-lifecycle.js';

export type { CloneDisk, ClonePlan, DeleteOutcome, DeletePlan, StorageToDelete } from './domain-lifecycle.js';

/** A tag as the user types it (the XML model checks it again). */
const tag = z.string().trim().min(1, 'a tag cannot be empty').max(64, 'a tag has at most 64 characters')
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  .regex(/^[^<>&\u0000-\u001f]+$/, 'a tag cannot hold <, > or &');

/** What a list shows of a domain; `key` is its UUID. */
export interface DomainSummary extends Keyed {
  readonly uuid: string;
  readonly name: string;
  /** -1 while not running. */
  readonly id: number;
  /** virDomainState and its reason. */
  readonly state: number;
  readonly reason: number;
  readonly persistent: boolean;
  /** From the domain's XML: the one-line title and description, if any, and what the VM is given. */
  readonly title?: string;
  readonly description?: string;
  readonly vcpus?: number;
  readonly memoryBytes?: number;
  /** Starts with the host. */
  readonly autostart: boolean;
  /** Has a saved state (managed save): Run restores it. */
  readonly managedSave: boolean;
  /** The osinfo-db id recorded in its metadata (http://debian.org/debian/12), if any. */
  readonly osId?: string;
  /** Hangar's tags, from its metadata (they travel with the VM). */
  readonly tags: readonly string[];
  /** Where its disks' data is: paths (files, block devices) and `pool/volume` for volume disks. */
  readonly diskSources: readonly string[];
}

export const DOMAIN_ACTIONS = ['start', 'shutdown', 'reboot', 'reset', 'forceoff', 'pause', 'resume'] as const;
export type DomainAction = (typeof DOMAIN_ACTIONS)[number];

/** One guest interface and its addresses, as libvirt reports them. */
export interface GuestInterface {
  readonly name: string;
  readonly mac: string | null;
  readonly addresses: readonly { readonly family: 'ipv4' | 'ipv6'; readonly address: string; readonly prefix: number }[];
}

const deviceXml = z.string().min(1, 'the device XML is empty').max(1_000_000);

export const domainsCalls = {
  'domains.list': z.object({ connection: connectionId }),
  'domains.action': uuidRef.extend({ action: z.enum(DOMAIN_ACTIONS) }),
  /** The live XML (or with `inactive`, the persistent definition); `secure` includes passwords. */
  'domains.xml': uuidRef.extend({ inactive: z.boolean().default(false), secure: z.boolean().default(false) }),
  /**
   * Defines (or redefines) a domain; libvirt validates the XML against its schema. With `base` (the inactive
   * XML the edit started from), the define happens only if the host's definition is still that one.
   */
  'domains.define': z.object({ connection: connectionId, xml: xmlDocument, base: xmlDocument.optional() }),
  'domains.undefine': uuidRef.extend({
    managedSave: z.boolean().default(true),
    snapshotsMetadata: z.boolean().default(true),
    /** Delete the UEFI variable store, or keep it for a later define with the same name. */
    nvram: z.enum(['delete', 'keep']).default('delete'),
  }),
  'domains.rename': uuidRef.extend({ name: objectName }),
  'domains.setAutostart': uuidRef.extend({ autostart: z.boolean() }),
  /** Memory in KiB; `maximum` sets the maximum instead of the current allocation. */
  'domains.setMemory': uuidRef.extend({ kib: z.number().int().min(1024, 'at least 1 MiB').max(2 ** 42), maximum: z.boolean().default(false), affect: affect.optional() }),
  'domains.setVcpus': uuidRef.extend({ count: z.number().int().min(1, 'at least 1 vCPU').max(4096), maximum: z.boolean().default(false), affect: affect.optional() }),
  'domains.attachDevice': uuidRef.extend({ xml: deviceXml, affect: affect.optional() }),
  'domains.detachDevice': uuidRef.extend({ xml: deviceXml, affect: affect.optional() }),
  'domains.updateDevice': uuidRef.extend({ xml: deviceXml, affect: affect.optional() }),
  /** Changes (or with `source` null, ejects) the media of a CD-ROM or floppy drive, by its target (hdc, sda…). */
  'domains.changeMedia': uuidRef.extend({
    target: z.string().regex(/^[a-z]+[a-z0-9]*$/, 'a device name such as sda or hdc'),
    source: z.union([z.object({ file: z.string().min(1).max(4096).regex(/^\//, 'an absolute path') }), z.object({ pool: objectName, volume: objectName }), z.null()]),
    affect: affect.optional(),
  }),
  /** Adds and removes Hangar tags on one or many VMs of a host (kept in each VM's metadata). */
  'domains.setTags': z.object({
    connection: connectionId,
    keys: z.array(uuid).min(1, 'choose at least one VM').max(10_000),
    add: z.array(tag).max(64).default([]),
    remove: z.array(z.string().max(64)).max(64).default([]),
  }),
  'domains.interfaceAddresses': uuidRef.extend({ source: z.enum(['lease', 'agent', 'arp']).default('lease') }),
  /** Sets a VM's title or description (libvirt's metadata of that type), e.g. on the running VM; empty text removes it. */
  'domains.setMetadataText': uuidRef.extend({
    type: z.enum(['title', 'description']),
    text: z.string().max(100_000),
    affect: affect.optional(),
  }).refine((v) => v.type !== 'title' || !/[\r\n]/.test(v.text), { message: 'a title is a single line', path: ['text'] }),
  'domains.screenshot': uuidRef.extend({ screen: z.number().int().min(0).max(16).default(0) }),
  ...domainLifecycleCalls,
} as const;

export interface DomainsResults extends DomainLifecycleResults {
  'domains.list': CollectionList<DomainSummary>;
  /** After a start: why a network install's first boot could not be ended (the VM runs; its definition still boots the installer). */
  'domains.action': { readonly installBootError: string } | null;
  'domains.xml': { readonly xml: string };
  'domains.define': { readonly key: string; readonly name: string };
  'domains.undefine': null;
  'domains.rename': null;
  'domains.setAutostart': null;
  'domains.setMemory': null;
  'domains.setVcpus': null;
  'domains.attachDevice': null;
  'domains.detachDevice': null;
  'domains.updateDevice': null;
  'domains.changeMedia': null;
  /** Per VM that could not be tagged, libvirt's error; the others were. */
  'domains.setTags': { readonly failed: readonly { readonly key: string; readonly error: ApiError }[] };
  'domains.interfaceAddresses': readonly GuestInterface[];
  'domains.setMetadataText': null;
  /** The image as base64, with its MIME type (QEMU gives PPM, the Demo host PNG). */
  'domains.screenshot': { readonly mime: string; readonly base64: string };
}

export type DomainsEvent =
  | ResetEvent<'domains.reset', DomainSummary, HostScope>
  | DeltaEvent<'domains.delta', DomainSummary, HostScope>;

