#!/usr/bin/env bash
# PID 1 of a lab: runs inside private mount, network and PID namespaces made by lab.ts (unshare). Everything it
# changes lives under the lab folder $1: /etc and /var are copy-on-write overlays whose writes land in $1/ov, /run
# is a fresh folder $1/run. It starts virtlogd, libvirtd and sshd, writes $1/ready, then waits until its stdin
# closes (lab.stop(), or the test process died) and shuts down. When it exits, the kernel kills whatever is left
# in the PID namespace, and the network namespace with its bridges and iptables rules goes with it.
set -euo pipefail
lab=$1
exec >>"$lab/namespace.log" 2>&1
echo "lab: starting in $lab"
ip link set lo up
# Top-level folders the lab's owner asked for (config/root-dirs, one name a line) exist only in here: the lab gets
# a root of its own, a tmpfs holding those folders and a recursive bind of every entry of the host's root, so
# nothing is made on the host's root file system. Unbindable, so the binds of /tmp do not copy it into itself.
if [ -s "$lab/config/root-dirs" ]; then
  new=$lab/root
  mkdir -p "$new"
  mount -t tmpfs -o mode=0755 lab-root "$new"
  mount --make-unbindable "$new"
  for entry in /* /.[!.]*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    name=${entry#/}
    if [ -L "$entry" ]; then cp -P "$entry" "$new/$name"
    elif [ -d "$entry" ]; then mkdir "$new/$name" && mount --rbind "$entry" "$new/$name"
    else touch "$new/$name" && mount --bind "$entry" "$new/$name"; fi
  done
  while read -r name; do
    [ -e "$new/$name" ] || mkdir "$new/$name"
  done <"$lab/config/root-dirs"
  mkdir "$new/.lab-old-root"
  cd "$new"
  pivot_root . .lab-old-root
  umount -l /.lab-old-root
  rmdir /.lab-old-root
  cd /
fi
for top in etc var; do
  mkdir -p "$lab/ov/$top-up" "$lab/ov/$top-wk"
  mount -t overlay "lab-$top" -o "lowerdir=/$top,upperdir=$lab/ov/$top-up,workdir=$lab/ov/$top-wk" "/$top"
done
mkdir -p "$lab/run"
mount --bind "$lab/run" /run
# A pristine libvirt: no domains, networks, pools or secrets from the machine's own configuration.
rm -rf /etc/libvirt/qemu /etc/libvirt/storage /etc/libvirt/nwfilter /etc/libvirt/secrets /etc/libvirt/nodedev \
  /var/lib/libvirt /var/log/libvirt /var/cache/libvirt
# /run/lock: libvirt takes a lock there for a domain console.
mkdir -p /etc/libvirt /var/lib/libvirt/images /var/log/libvirt/qemu /var/cache/libvirt /run/sshd /run/libvirt /run/lock
cp "$lab/config/libvirtd.conf" "$lab/config/qemu.conf" /etc/libvirt/
# The qemu driver wants these accounts to exist even when it runs guests as root; made in the overlay only.
getent group kvm >/dev/null || groupadd -r kvm
getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
getent passwd libvirt-qemu >/dev/null || useradd -r -M -g libvirt-qemu -G kvm -d /var/lib/libvirt libvirt-qemu
# The password-login user, also in the overlay only. Group root lets it on libvirtd's socket (0770 root:root);
# its home is under /var, which is an overlay too (/home is the host's).
pwuser=$(cut -d: -f1 "$lab/ssh/password")
getent passwd "$pwuser" >/dev/null || useradd -m -d "/var/lib/$pwuser" -s /bin/sh -G root "$pwuser"
chpasswd <"$lab/ssh/password"

virtlogd -d
libvirtd -d --listen
/usr/sbin/sshd -f "$lab/config/sshd_config" -D -e >>"$lab/sshd.log" 2>&1 &
for _ in $(seq 1 300); do
  [ -S /run/libvirt/libvirt-sock ] && break
  sleep 0.1
done
[ -S /run/libvirt/libvirt-sock ] || { echo "lab: libvirtd did not create its socket"; exit 1; }
echo "lab: ready"
touch "$lab/ready"

# Wait for the owner to let go (stdin closes), then stop the daemons gently before the namespace is torn down.
while read -r _; do :; done || true
echo "lab: stopping"
for pidfile in /run/libvirtd.pid /run/virtlogd.pid /run/sshd.pid; do
  [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
done
for _ in $(seq 1 50); do
  pgrep -x libvirtd >/dev/null || break
  sleep 0.1
done
echo "lab: stopped"
