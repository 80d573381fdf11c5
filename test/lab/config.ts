/** Configuration files the lab writes for its daemons (see namespace.sh for where they go). */

export function libvirtdConf(): string {
  return [
    '# Written by the Hangar test lab.',
    'listen_tls = 0',
    'listen_tcp = 1',
    'listen_addr = "127.0.0.1"',
    'tcp_port = "16509"',
    'auth_tcp = "none"',
    // No polkit daemon in the lab: root on the unix socket is enough.
    'auth_unix_ro = "none"',
    'auth_unix_rw = "none"',
    'unix_sock_ro_perms = "0777"',
    'unix_sock_rw_perms = "0770"',
    'log_outputs = "3:file:/var/log/libvirt/libvirtd.log"',
    '',
  ].join('\n');
}

export function qemuConf(options: { readonly vncPassword?: string } = {}): string {
  if (options.vncPassword !== undefined && !/^[A-Za-z0-9._-]{1,8}$/.test(options.vncPassword)) {
    // VNC passwords are at most 8 characters (the rest is ignored); kept to plain ones so the line needs no quoting.
    throw new Error(`a lab VNC password must be 1–8 plain characters, not ${JSON.stringify(options.vncPassword)}`);
  }
  return [
    '# Written by the Hangar test lab.',
    'user = "root"',
    'group = "root"',
    'dynamic_ownership = 0',
    'cgroup_controllers = [ ]',
    'security_driver = "none"',
    'vnc_listen = "127.0.0.1"',
    ...(options.vncPassword !== undefined ? [`vnc_password = "${options.vncPassword}"`] : []),
    '',
  ].join('\n');
}

/** The lab's one password login: a non-root user (root stays key-only, as on a hardened host). */
export const PASSWORD_USER = 'hangar';

export function sshdConfig(dir: string): string {
  return [
    '# Written by the Hangar test lab: loopback only, the per-run keys, and the per-run password of one user.',
    'ListenAddress 127.0.0.1',
    'Port 22',
    `HostKey ${dir}/ssh/host_ed25519`,
    `AuthorizedKeysFile ${dir}/ssh/authorized_keys`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'PidFile /run/sshd.pid',
    'MaxSessions 64',
    'MaxStartups 64:30:128',
    'AllowTcpForwarding yes',
    'AllowStreamLocalForwarding yes',
    'Subsystem sftp internal-sftp',
    // Match blocks must come last: everything after them belongs to them.
    `Match User ${PASSWORD_USER}`,
    '  PasswordAuthentication yes',
    '',
  ].join('\n');
}
