# The libxml2 side of test/bench/xml.bench.ts: the same parse + edit + serialize work through
# python3-libxml2 (the parser under virt-manager's XML layer), timed in-process.
# argv: <domain.xml> <caps.xml> <domcaps.xml> <iterations-domain> <iterations-caps> <out-dir>
# stdout: JSON {"domain": ms_per_op, "capabilities": ..., "domainCapabilities": ...}
import json
import os
import sys
import time

import libxml2


def edit_domain(text):
    doc = libxml2.parseDoc(text)
    ctx = doc.xpathNewContext()
    for name in ("memory", "currentMemory"):
        ctx.xpathEval("/domain/" + name)[0].setContent("4194304")
    for driver in ctx.xpathEval("/domain/devices/disk/driver"):
        driver.setProp("cache", "writeback")
    for src in ctx.xpathEval("/domain/devices/interface[@type='network']/source"):
        src.setProp("network", "other")
        # As Hangar's NIC re-plug does: a live bridge/port of the old network no longer applies.
        src.unsetProp("bridge")
        src.unsetProp("portid")
    disk = libxml2.newNode("disk")
    disk.setProp("type", "file")
    disk.setProp("device", "disk")
    drv = disk.newChild(None, "driver", None)
    drv.setProp("name", "qemu")
    drv.setProp("type", "qcow2")
    disk.newChild(None, "source", None).setProp("file", "/new.qcow2")
    tgt = disk.newChild(None, "target", None)
    tgt.setProp("dev", "vdzz")
    tgt.setProp("bus", "virtio")
    ctx.xpathEval("/domain/devices/disk[last()]")[0].addNextSibling(disk)
    first = ctx.xpathEval("/domain/devices/interface[1]")[0]
    first.unlinkNode()
    first.freeNode()
    out = doc.serialize()
    ctx.xpathFreeContext()
    doc.freeDoc()
    return out


def edit_caps(text):
    doc = libxml2.parseDoc(text)
    ctx = doc.xpathNewContext()
    seen = 0
    for arch in ctx.xpathEval("/capabilities/guest/arch"):
        seen += len(arch.prop("name") or "")
        ctx.setContextNode(arch)
        seen += len(ctx.xpathEval("machine"))
    ctx.setContextNode(doc)
    ctx.xpathEval("/capabilities/host/uuid")[0].setContent("00000000-0000-4000-8000-000000000001")
    out = doc.serialize()
    ctx.xpathFreeContext()
    doc.freeDoc()
    return out, seen


def edit_domcaps(text):
    doc = libxml2.parseDoc(text)
    ctx = doc.xpathNewContext()
    seen = len(ctx.xpathEval("/domainCapabilities/devices/*/enum/value"))
    seen += len(ctx.xpathEval("/domainCapabilities/cpu/mode/model"))
    ctx.xpathEval("/domainCapabilities/vcpu")[0].setProp("max", "512")
    out = doc.serialize()
    ctx.xpathFreeContext()
    doc.freeDoc()
    return out, seen


def timed(fn, text, n):
    for _ in range(3):
        fn(text)
    start = time.perf_counter()
    for _ in range(n):
        result = fn(text)
    return (time.perf_counter() - start) * 1000 / n, result


dom_file, caps_file, domcaps_file, n_dom, n_caps, out_dir = sys.argv[1:7]
texts = [open(f, encoding="utf-8").read() for f in (dom_file, caps_file, domcaps_file)]
t_dom, r_dom = timed(edit_domain, texts[0], int(n_dom))
t_caps, r_caps = timed(edit_caps, texts[1], int(n_caps))
t_domcaps, r_domcaps = timed(edit_domcaps, texts[2], int(n_caps))
for name, out in (("domain", r_dom), ("capabilities", r_caps[0]), ("domainCapabilities", r_domcaps[0])):
    with open(os.path.join(out_dir, "libxml2-" + name + ".xml"), "w", encoding="utf-8") as f:
        f.write(out)
print(json.dumps({"domain": t_dom, "capabilities": t_caps, "domainCapabilities": t_domcaps,
                  "seen": {"capabilities": r_caps[1], "domainCapabilities": r_domcaps[1]}}))
