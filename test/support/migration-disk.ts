import type { Lab } from '../lab/lab.js';

/** The folder of libvirt's usual `default` pool, which a lab starts without. */
export const IMAGES = '/var/lib/libvirt/images';

/** Defines and starts a `default` directory pool at /var/lib/libvirt/images (each lab's own: /var is per lab). */
export async function startDefaultPool(lab: Lab): Promise<void> {
  await lab.virsh(['pool-define-as', 'default', 'dir', '--target', IMAGES]);
  await lab.virsh(['pool-start', 'default']);
}

/**
 * Defines the tiny guest with a second, writable disk: a raw volume `<name>-data.img` of `mib` MiB in the
 * `default` pool whose first bytes are `marker`, so that a copy elsewhere can be told from an empty disk.
 * Returns the disk's path.
 */
export async function defineGuestWithDataDisk(lab: Lab, name: string, marker: string, mib = 16): Promise<string> {
  const path = `${IMAGES}/${name}-data.img`;
  await lab.virsh(['vol-create-as', 'default', `${name}-data.img`, `${mib}M`, '--format', 'raw']);
  const w = await lab.exec('sh', ['-c', 'printf %s "$1" | dd of="$2" conv=notrunc status=none', 'sh', marker, path]);
  if (w.code !== 0) throw new Error(`writing the marker into ${path}: ${w.stderr}`);
  await lab.defineGuest({ name });
  await lab.virsh(['attach-disk', name, path, 'vda', '--config', '--targetbus', 'virtio', '--subdriver', 'raw']);
  return path;
}

/** The first `length` bytes of a file in the lab (its own /var), as Latin-1 text; '' when there is no such file. */
export async function headOf(lab: Lab, path: string, length: number): Promise<string> {
  const r = await lab.exec('head', ['-c', String(length), path]);
  return r.code === 0 ? r.stdout : '';
}
