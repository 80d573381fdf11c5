#!/usr/bin/env bash
# Builds the tiny bootable test guest from Debian packages: a GRUB (BIOS) rescue ISO with the host's Debian
# kernel and a busybox initramfs. The guest prints its boot log and a shell on ttyS0 (console=ttyS0) and a banner
# on the VGA screen, and powers off when the ACPI power button is pressed (so graceful shutdown is testable).
# Usage: build-tiny-image.sh OUT.iso
set -euo pipefail
out=$1
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$kernel" ] || { echo "no kernel in /boot: install linux-image-amd64" >&2; exit 1; }
kver=${kernel#/boot/vmlinuz-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/initrd
mkdir -p "$root"/{bin,dev,proc,sys,tmp,etc,root,lib/modules} "$work/iso/boot/grub"
cp /bin/busybox "$root/bin/busybox"
# virtio (PCI transport, NIC, balloon) lets a guest that has such devices take a DHCP lease and follow balloon requests.
modules='drivers/acpi/button.ko drivers/input/evdev.ko drivers/virtio/virtio.ko drivers/virtio/virtio_ring.ko
  drivers/virtio/virtio_pci_modern_dev.ko drivers/virtio/virtio_pci_legacy_dev.ko drivers/virtio/virtio_pci.ko
  net/core/failover.ko drivers/net/net_failover.ko drivers/net/virtio_net.ko drivers/virtio/virtio_balloon.ko'
for m in $modules; do
  cp "/lib/modules/$kver/kernel/$m" "$root/lib/modules/"
done
cat > "$root/etc/profile" <<'EOF'
export PS1='hangar-tiny# '
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
EOF
cat > "$root/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox mkdir -p /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
exec </dev/console >/dev/console 2>&1
hostname hangar-tiny
for m in button evdev virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci failover net_failover virtio_net virtio_balloon; do
  insmod /lib/modules/$m.ko 2>/dev/null
done
sleep 0.2
# With a NIC, take one DHCP lease so the network lists it; the address is not configured (guests never reach out).
if [ -e /sys/class/net/eth0 ]; then
  ip link set eth0 up
  udhcpc -i eth0 -n -q -t 5 -T 1 -s /bin/true && echo 'hangar-tiny: DHCP lease taken'
fi
# Power off on the ACPI power button (its device node may appear a moment later). An evdev read must hold a
# whole struct input_event (24 bytes on x86_64), or the kernel refuses it. The group's redirection opens the
# device in this shell before the boot line below, so no press after that line is missed (and unlike `exec`, a
# failed open does not end init). libvirt's reboot of a qemu guest is this same press, then a reset of the
# powered-off machine, so powering off serves both.
for ev in /sys/class/input/event*; do
  if grep -q 'Power Button' "$ev/device/name" 2>/dev/null; then
    node=/dev/input/${ev##*/}
    for i in 1 2 3 4 5 6 7 8 9 10; do [ -c "$node" ] && break; sleep 0.2; done
    # The kernel log reaches the serial port before the power goes; a tty write may not.
    { ( dd bs=24 count=1 of=/dev/null 2>/dev/null <&3 && {
        echo '<5>hangar-tiny: power button, powering off' >/dev/kmsg; sync; poweroff -f; } ) & } 3<"$node"
  fi
done
echo "hangar-tiny: booted, kernel $(uname -r)"
printf '\n\n   HANGAR TINY GUEST\n   booted kernel %s\n\n' "$(uname -r)" > /dev/tty0
while true; do setsid cttyhack sh -l; done
EOF
chmod +x "$root/init"
(cd "$root" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -9) > "$work/iso/boot/initrd.gz"
cp "$kernel" "$work/iso/boot/vmlinuz"
cat > "$work/iso/boot/grub/grub.cfg" <<'EOF'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry 'Hangar tiny guest' {
  linux /boot/vmlinuz console=tty0 console=ttyS0,115200 panic=-1 hangar.tiny=1
  initrd /boot/initrd.gz
}
EOF
grub-mkrescue -o "$out.tmp" "$work/iso" >/dev/null 2>&1 || grub-mkrescue -o "$out.tmp" "$work/iso"
mv "$out.tmp" "$out"
