// osinfo-db as read from Debian's package: the search path libosinfo uses, inheritance of devices and resources,
// end of life, search, and the media matching pieces.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DESCRIPTORS_OFFSET, parseIsoDescriptors } from '../../../main/services/osinfo/iso-descriptor.js';
import { generaliseNumbers, identify, versionInVolumeId } from '../../../main/services/osinfo/media-match.js';
import { compareVersions, isEol, OsinfoDb } from '../../../main/services/osinfo/osinfo-db.js';
import { osinfoSearchPath } from '../../../main/services/osinfo/osinfo-paths.js';
import { buildIso } from '../../../drivers/iso/iso9660-writer.js';

const descriptor = (volumeId: string, extra: Partial<{ publisherId: string; systemId: string; applicationId: string }> = {}) => ({
  volumeId, publisherId: '', applicationId: '', systemId: '', preparerId: '', volumeSize: 0, ...extra,
});

describe('osinfo-db', () => {
  const db = new OsinfoDb(osinfoSearchPath({}), () => new Date('2023-06-01T00:00:00Z'));
  const dirs: string[] = [];
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('is looked for where libosinfo looks, environment first', () => {
    expect(osinfoSearchPath({ HOME: '/home/u' } as NodeJS.ProcessEnv).slice(0, 3)).toEqual(['/usr/share/osinfo', '/usr/local/share/osinfo', '/etc/osinfo']);
    expect(osinfoSearchPath({ OSINFO_SYSTEM_DIR: '/s', OSINFO_LOCAL_DIR: '/l', OSINFO_USER_DIR: '/u' })).toEqual(['/s', '/l', '/u']);
    expect(osinfoSearchPath({ OSINFO_DATA_DIR: '/legacy', XDG_CONFIG_HOME: '/cfg' })).toEqual(['/legacy', '/usr/share/osinfo', '/usr/local/share/osinfo', '/etc/osinfo', '/cfg/osinfo']);
  });

  it("reads Debian's database: hundreds of systems, each with its ids, dates and inherited devices", () => {
    expect(db.all().length).toBeGreaterThan(500);
    const d11 = db.get('debianbullseye')!;
    expect([d11.id, d11.shortId, d11.name, d11.distro, d11.version, d11.releaseDate]).toEqual(['http://debian.org/debian/11', 'debian11', 'Debian 11', 'debian', '11', '2021-08-14']);
    expect(d11.recommended.ram).toBe(1024 ** 3);
    expect(d11.minimum.storage).toBe(10 * 1024 ** 3);
    expect(d11.support).toMatchObject({ virtioDisk: true, virtioNet: true, qemuXhci: true, q35: true });
    expect(d11.media.some((m) => m.volumeId === 'Debian 11.\\d+.\\d+ amd64 n')).toBe(true);
    const w11 = db.get('win11')!;
    expect(w11.needsUefi).toBe(true);
    const xp = db.get('winxp')!;
    expect(xp.support.virtioDisk).toBe(false);
  });

  it('hides end-of-life systems unless asked, and searches every word', () => {
    expect(isEol({ eolDate: '2020-01-01' }, new Date('2023-01-01'))).toBe(true);
    expect(isEol({ releaseDate: '2015-01-01' }, new Date('2023-01-01'))).toBe(true);
    expect(isEol({ releaseDate: '2015-01-01', releaseStatus: 'rolling' }, new Date('2023-01-01'))).toBe(false);
    expect(db.search('debian', false).map((o) => o.shortId)).not.toContain('debian6');
    expect(db.search('debian', true).map((o) => o.shortId)).toContain('debian6');
    expect(db.search('fedora 37', false).map((o) => o.shortId)).toContain('fedora37');
    expect(db.search('no such system at all', true)).toEqual([]);
  });

  it('lets a later folder override an entry and add a newer one (osinfo-db-import --user)', () => {
    const user = mkdtempSync(join(tmpdir(), 'osinfo-user-'));
    dirs.push(user);
    mkdirSync(join(user, 'os', 'debian.org'), { recursive: true });
    writeFileSync(join(user, 'os', 'debian.org', 'debian-12.xml'), `<?xml version="1.0"?><libosinfo version="0.0.1">
      <os id="http://debian.org/debian/12"><short-id>debian12</short-id><name>Debian 12</name><version>12</version>
      <distro>debian</distro><family>linux</family><derives-from id="http://debian.org/debian/11"/><release-date>2023-06-10</release-date>
      <media arch="x86_64"><iso><volume-id>Debian 12.\\d+.\\d+ amd64 n</volume-id></iso></media></os></libosinfo>`);
    const withUser = new OsinfoDb([...osinfoSearchPath({}), user]);
    const d12 = withUser.get('debian12')!;
    expect(d12.name).toBe('Debian 12');
    // Devices and resources come from Debian 11, which it derives from.
    expect(d12.support.virtioNet).toBe(true);
    expect(d12.recommended.ram).toBe(1024 ** 3);
    expect(identify(withUser, descriptor('Debian 12.2.0 amd64 n')).match?.os.shortId).toBe('debian12');
    expect(identify(db, descriptor('Debian 12.2.0 amd64 n'))).toMatchObject({ match: null, newer: { distro: 'debian', seenVersion: '12.2.0', offered: { shortId: 'debian11' } } });
  });

  it('matches media rules as libosinfo does, and tells later releases by their numbers', () => {
    expect(identify(db, descriptor('Debian 11.7.0 amd64 n')).match?.os.shortId).toBe('debian11');
    expect(identify(db, descriptor('13_1_RELEASE_AMD64_DVD', { systemId: 'FREEBSD' })).match?.os.shortId).toBe('freebsd13.1');
    expect(identify(db, descriptor('ISOIMAGE'))).toMatchObject({ match: null, newer: null });
    expect(generaliseNumbers('Debian 11.\\d+ [0-9]{2} x86_64')).toBe('Debian \\d+.\\d+ [0-9]{2} x\\d+_\\d+');
    expect(versionInVolumeId('Fedora-WS-Live-38-1-6')).toBe('38');
    expect(versionInVolumeId('Rocky-9-2-x86_64-dvd')).toBe('9');
    expect(compareVersions('22.04', '22.10')).toBeLessThan(0);
    expect(compareVersions('12', '11.7')).toBeGreaterThan(0);
  });

  it("reads an ISO's primary volume descriptor, past other descriptors, and refuses what is not an ISO", () => {
    const iso = buildIso([{ name: 'a.txt', data: new TextEncoder().encode('x') }], { volumeId: 'MY_DISC', publisherId: 'ME', systemId: 'LINUX', applicationId: 'APP' });
    const d = parseIsoDescriptors(iso.subarray(DESCRIPTORS_OFFSET))!;
    expect(d).toMatchObject({ volumeId: 'MY_DISC', publisherId: 'ME', systemId: 'LINUX', applicationId: 'APP', volumeSize: iso.length });
    expect(parseIsoDescriptors(new Uint8Array(32768))).toBeNull();
    expect(parseIsoDescriptors(new Uint8Array(0))).toBeNull();
  });
});
