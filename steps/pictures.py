"""Pictures for the report, drawn with drawsvg: a drill's timeline and the cluster's state.

Usage::

    svg = timeline_svg(world, 24.0, epoch)   # one lane per node, events as bars in virtual time
    svg = cluster_svg(world.lab, "after")    # nodes, adapters, hubs, serial links, disks, groups

The timeline reads each node's hacmp.out (EVENT START/COMPLETED pairs; a
nested event sits one row lower; an event that never completes, such as the
config_too_long message, is a red mark), shades each fault's window (until
the act that undoes it, see :func:`fault_windows`) and marks the takeover
time. The cluster
picture reads the lab as an administrator's diagram would show it: what is
up, what is cabled, who holds each resource group; what failed is red.
Both are pure reads of the lab.
"""

from __future__ import annotations

import re
from datetime import datetime

import drawsvg as dw

from steps.observe import parse_hacmp_out

RED, GREEN, GREY, BLUE, INK = "#c62828", "#2e7d32", "#9e9e9e", "#1565c0", "#212121"
LABEL_ROWS = 5  # rows of act labels above the lanes


def _seconds(stamp: str, epoch: datetime) -> float:
    when = datetime.strptime(f"{epoch.year} {stamp}", "%Y %b %d %H:%M:%S")
    return (when - epoch).total_seconds()


def _bars(text: str, epoch: datetime, end: float) -> list[tuple[float, float, int, str, int | None]]:
    """(start, end, depth, event text, rc) for every event of one hacmp.out. An event that never
    completes anywhere in the log (config_too_long is a message) is a mark on the top row."""
    events = parse_hacmp_out(text)
    completes = {e.name for e in events if e.kind == "COMPLETED"}
    open_: list[tuple[str, float]] = []
    bars = []
    for e in events:
        t = _seconds(e.stamp, epoch)
        label = " ".join([e.name, *e.args])
        if e.kind == "START" and e.name not in completes:
            bars.append((t, t, 0, label, 1))
            continue
        if e.kind == "START":
            open_.append((e.name, t))
            continue
        for i in range(len(open_) - 1, -1, -1):
            if open_[i][0] == e.name:
                name, started = open_.pop(i)
                bars.append((started, t, i, label, e.rc))
                break
    bars += [(started, end, i, name + " (running)", None) for i, (name, started) in enumerate(open_)]
    return bars


#: a fault act, and the act that undoes it ("! unplug nodeA en0" -> "! plug nodeA en0")
UNDO = [(re.compile(r"^! unplug (.*)$"), "! plug {0}"), (re.compile(r"^! pull (.*)$"), "! insert {0}"),
        (re.compile(r"^! fail (.*)$"), "! repair {0}"), (re.compile(r"^! power off (.*)$"), "! power on {0}"),
        (re.compile(r"^(\S+)\$ ifconfig (\S+) down$"), "{0}$ ifconfig {1} up"),
        (re.compile(r"^(\S+)\$ sh /etc/tcp.clean$"), "{0}$ startsrc -g tcpip"),
        (re.compile(r"^(\S+)\$ smit raidant drive (\S+) (\S+) 83$"), "{0}$ smit raidant drive {1} {2} 84")]


def fault_windows(actions, end: float) -> list[tuple[float, float, str]]:
    """(start, stop, act) of each fault: until the act that undoes it, else the end of the drill
    (a crash, a halt or a failed drive stay failures until the drill's end unless undone)."""
    windows = []
    for i, a in enumerate(actions):
        if not a.fault:
            continue
        stop = end
        for pattern, undo in UNDO:
            m = pattern.match(a.text)
            if m:
                wanted = undo.format(*m.groups())
                stop = next((b.time for b in actions[i + 1:] if b.text == wanted), end)
                break
        else:
            host = a.text.split("$", 1)[0] if "$" in a.text else None
            if host:  # a crash or halt typed on a host lasts until it is powered on again
                stop = next((b.time for b in actions[i + 1:] if b.text == f"! power on {host}"), end)
        windows.append((a.time, stop, a.text))
    return windows


def timeline_svg(world, takeover: float | None, epoch: datetime) -> str:
    lab = world.lab
    nodes = world.nodes()
    end = max(lab.now, 1.0)
    per_node = {n: _bars(lab.hacmp_out(n), epoch, end) for n in nodes}
    depth = {n: 1 + max((b[2] for b in bars), default=0) for n, bars in per_node.items()}
    left, width, row = 90, 900, 16
    lanes, y = {}, 60
    for n in nodes:
        lanes[n] = y
        y += depth[n] * row + 18
    height = y + 40
    d = dw.Drawing(left + width + 20, height, font_family="sans-serif")
    d.append(dw.Rectangle(0, 0, left + width + 20, height, fill="white"))

    def x(t: float) -> float:
        return left + width * max(0.0, min(t, end)) / end

    for start, stop, text in fault_windows(world.actions, end):
        window = dw.Rectangle(x(start), 52, max(2.0, x(stop) - x(start)), height - 82, fill=RED, fill_opacity=0.08)
        window.append_title(f"fault window: {text} ({start:.0f}-{stop:.0f} s)")
        d.append(window)
    for a in world.actions:
        d.append(dw.Line(x(a.time), 52, x(a.time), height - 30, stroke=RED if a.fault else GREY, stroke_width=1,
                         stroke_dasharray="3,3"))
    rows_end = [0.0] * LABEL_ROWS  # where each row's last label ends: a label takes the first free row
    for n_act, a in enumerate(world.actions):
        label = a.text[:40]
        lx = min(x(a.time) + 2, left + width - 5 * len(label))  # about 5 px a character at 9 px
        row_i = next((i for i, e in enumerate(rows_end) if e < lx), n_act % LABEL_ROWS)
        rows_end[row_i] = lx + 5 * len(label)
        d.append(dw.Text(label, 9, lx, 12 + 9 * row_i, fill=RED if a.fault else GREY))
    for n in nodes:
        d.append(dw.Text(n, 12, 6, lanes[n] + 12, fill=INK, font_weight="bold"))
        d.append(dw.Line(left, lanes[n] + depth[n] * row + 8, left + width, lanes[n] + depth[n] * row + 8,
                         stroke="#eeeeee"))
        for start, stop, level, label, rc in per_node[n]:
            colour = RED if rc not in (0, None) else BLUE
            bar = dw.Rectangle(x(start), lanes[n] + level * row, max(2.0, x(stop) - x(start)), row - 3,
                               fill=colour, fill_opacity=0.75 - 0.15 * min(level, 3), rx=2)
            bar.append_title(f"{label}: {start:.0f}-{stop:.0f} s" + (f", exit {rc}" if rc not in (0, None) else ""))
            d.append(bar)
            if x(stop) - x(start) > 60:
                d.append(dw.Text(label[:int((x(stop) - x(start)) / 6)], 9, x(start) + 3, lanes[n] + level * row + 10,
                                 fill="white"))
    fault = next((a.time for a in world.actions if a.fault), None)
    if takeover is not None and fault is not None:
        t = fault + takeover
        d.append(dw.Line(x(t), 52, x(t), height - 30, stroke=GREEN, stroke_width=2))
        d.append(dw.Text(f"takeover {takeover:.0f} s", 11, x(t) + 3, height - 32, fill=GREEN, font_weight="bold"))
    d.append(dw.Line(left, height - 30, left + width, height - 30, stroke=INK))
    for i in range(6):
        t = end * i / 5
        d.append(dw.Text(f"{t:.0f} s", 9, x(t) - 8, height - 4, fill=INK))
    return d.as_svg()


def cluster_svg(lab, caption: str) -> str:
    w = lab.world
    nodes = list(w.hosts)
    box_w, gap = 300, 30
    def storage_lines(n: str) -> list[tuple[str, bool]]:
        lines = []
        for (owner, name), adapter in w.san.ssa_adapters.items():
            if owner == n:
                cut = [p for loop in w.san.loops.values() for c, p in loop.adapter_cables(n, name) if not loop.plugged[c]]
                lines.append((f"{name} SSA {adapter.type}" + (f": cable out at {', '.join(cut)}" if cut else ""), not cut))
        for (owner, name), adapter in w.san.scsi.items():
            if owner == n:
                lines.append((f"{name} SCSI id {adapter.scsi_id} on {adapter.bus}" + (" FAILED" if adapter.failed else ""),
                              not adapter.failed))
        return lines

    rows = max(len(w.hosts[n].node.nics) + len(storage_lines(n)) for n in nodes)
    box_h = 70 + 16 * rows
    width = max(len(nodes) * (box_w + gap) + gap, 700)
    hub_y = 50 + box_h + 50
    store_y = hub_y + 70
    height = store_y + 120
    d = dw.Drawing(width, height, font_family="sans-serif")
    d.append(dw.Rectangle(0, 0, width, height, fill="white"))
    d.append(dw.Text(caption, 14, gap, 24, fill=INK, font_weight="bold"))
    hubs = list(w.hubs)
    hub_x = {h: gap + i * (width - 2 * gap) / max(1, len(hubs)) + 60 for i, h in enumerate(hubs)}
    for h in hubs:
        failed = w.hubs[h].failed
        d.append(dw.Rectangle(hub_x[h] - 50, hub_y, 100, 26, fill="#ffebee" if failed else "#e3f2fd",
                              stroke=RED if failed else BLUE, rx=4))
        d.append(dw.Text(f"{h}{' FAILED' if failed else ''}", 11, hub_x[h] - 44, hub_y + 17, fill=RED if failed else INK))
    holders = {g: lab.holders(g) for g in w.cluster.groups}
    for i, n in enumerate(nodes):
        host, bx = w.hosts[n], gap + i * (box_w + gap)
        up = host.running
        d.append(dw.Rectangle(bx, 40, box_w, box_h, fill="#fafafa" if up else "#ffebee", stroke=INK if up else RED, rx=6))
        state = host.state + (f", LED {host.node.led}" if host.node.led else "")
        d.append(dw.Text(f"{n} ({state})", 13, bx + 8, 58, fill=INK if up else RED, font_weight="bold"))
        held = [g for g, hs in holders.items() if n in hs]
        d.append(dw.Text("holds " + (", ".join(held) if held else "no group"), 11, bx + 8, 74, fill=GREEN if held else GREY))
        for j, nic in enumerate(host.node.nics):
            iface = host.stack.interfaces.get(nic.interface)
            addrs = [host.name_of(a.ip) for a in (iface.addresses if iface and up else [])]
            ok = up and nic.plugged and iface is not None and iface.up
            line = f"{nic.interface} {', '.join(addrs) or '-'}  {nic.mac}" + ("" if nic.plugged else "  cable out")
            ny = 92 + 16 * j
            d.append(dw.Text(line, 10, bx + 8, ny, fill=INK if ok else RED))
            if nic.hub in hub_x:
                d.append(dw.Line(bx + 20 + 40 * j, 40 + box_h, hub_x[nic.hub], hub_y, stroke=GREY if nic.plugged else RED,
                                 stroke_dasharray="" if nic.plugged else "4,3"))
        for j, (line, ok) in enumerate(storage_lines(n)):
            d.append(dw.Text(line, 10, bx + 8, 92 + 16 * (len(host.node.nics) + j), fill=INK if ok else RED))
    for k, link in enumerate(w.serial_links.values()):
        (a, _), (b, _) = link.ends
        ia, ib = nodes.index(a), nodes.index(b)
        xa, xb = gap + ia * (box_w + gap) + box_w / 2, gap + ib * (box_w + gap) + box_w / 2
        d.append(dw.Line(xa, 40, xb, 40 - 6 - 4 * k, stroke=GREEN if link.plugged else RED, stroke_dasharray="6,3"))
        d.append(dw.Text(f"{link.name}{'' if link.plugged else ' unplugged'}", 9, (xa + xb) / 2 - 30, 32 - 4 * k,
                         fill=GREEN if link.plugged else RED))
    sx = gap
    for drawer in w.san.drawers.values():
        d.append(dw.Rectangle(sx, store_y, 200, 90, fill="#f5f5f5", stroke=INK if drawer.powered else RED, rx=4))
        d.append(dw.Text(f"{drawer.name} {drawer.type}{'' if drawer.powered else ' OFF'}", 11, sx + 6, store_y + 16,
                         fill=INK if drawer.powered else RED))
        for j, p in enumerate(drawer.pdisks):
            pd = w.san.pdisks[p]
            ok = pd.present and drawer.powered
            d.append(dw.Text(f"{p} = {pd.hdisk}{'' if pd.present else ' pulled'}", 10, sx + 10, store_y + 32 + 14 * j,
                             fill=INK if ok else RED))
        sx += 220
    for array in w.san.arrays.values():
        d.append(dw.Rectangle(sx, store_y, 220, 90, fill="#f5f5f5", stroke=RED if array.fault_light else INK, rx=4))
        d.append(dw.Text(f"{array.name} {array.type} light {'ON' if array.fault_light else 'off'}", 11, sx + 6,
                         store_y + 16, fill=RED if array.fault_light else INK))
        for j, lun in enumerate(array.luns):
            d.append(dw.Text(f"{lun.hdisk} RAID {lun.raid} {array.lun_state(lun)}", 10, sx + 10, store_y + 32 + 14 * j,
                             fill=INK if array.lun_state(lun) == "Optimal" else RED))
        bad = [n for n, dr in array.drives.items() if dr.status == "Failed" or not dr.present]
        if bad:
            d.append(dw.Text("failed/out: " + ", ".join(bad), 10, sx + 10, store_y + 80, fill=RED))
        sx += 240
    shared = [k for k, disk in w.storage.disks.items() if disk.location == "shared"]
    if shared:
        text = "  ".join(f"{k}{'' if w.storage.disks[k].available else ' OUT'}" for k in shared)
        d.append(dw.Text("shared disks: " + text, 11, sx, store_y + 16, fill=INK))
    return d.as_svg()
