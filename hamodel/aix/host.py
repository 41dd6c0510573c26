"""AIX on one node: boot, run, crash, halt; and everything a running AIX holds.

Usage::

    host.crash("cat /etc/hosts > /dev/kmem")   # LED 888, everything stops
    host.power_on()                            # boots through LED codes to "running"

A host is in one of these states:

``off``      the node has no power.
``booting``  firmware and AIX boot phases; the LED shows progress codes.
``running``  AIX is up: interfaces carry their boot-time addresses, TCP/IP runs.
``crashed``  kernel panic: LED ``888``; a dump is taken; an SMP node with
             ``mpcfg -cf 11 1`` reboots by itself, any other waits for power off/on.
``halted``   ``halt`` (or ``clexit.rc``) stopped AIX; the power stays on.

Local files (``/tmp/hacmp.out``, ``/etc/hosts``…) are on the node's own
disk and survive crashes and reboots.
"""

from __future__ import annotations

from typing import Callable

from hamodel.aix.errlog import ErrorLog
from hamodel.aix.lvm import Lvm
from hamodel.aix.vgda import Storage
from hamodel.aix.netstack import NetStack
from hamodel.aix.process import ProcessTable
from hamodel.aix.src import SRC
from hamodel.hardware.node import Node
from hamodel.scheduler import Scheduler

#: Boot LED codes shown in turn, with how long each phase lasts (s).
BOOT_LEDS: list[tuple[str, float]] = [("c31", 8.0), ("0521", 12.0), ("0551", 20.0), ("0517", 10.0), ("0553", 25.0), ("0581", 15.0)]
DUMP_SECONDS = 40.0
#: syncd's interval (``/sbin/rc.boot``: ``syncd 60``)
SYNCD_SECONDS = 60.0

TCPIP_SUBSYSTEMS = ["inetd", "snmpd", "portmap", "sendmail", "syslogd"]


class AixHost:
    def __init__(self, node: Node, sched: Scheduler, storage: Storage, first_pid: int) -> None:
        self.node = node
        self.name = node.name
        self.sched = sched
        self.state = "running" if node.powered else "off"
        self.stack = NetStack(node.name)
        self.errlog = ErrorLog()
        self.processes = ProcessTable(first_pid)
        self.src = SRC(self._src_pid)
        self.lvm = Lvm(node.name, storage, log=lambda label, resource, detail: self.errlog.log(
            self.sched.now, label, resource, detail))
        #: hdisks the firmware tries to boot from, in order (``bootlist -m normal``)
        self.bootlist: list[str] = ["hdisk0"]
        self.files: dict[str, str] = {}
        self.users: dict[str, int] = {"root": 0}
        #: interface -> (ip, netmask) configured at boot (the ODM's inet attributes).
        self.boot_config: dict[str, tuple[str, str]] = {}
        #: hostname -> ip, as /etc/hosts says.
        self.hosts: dict[str, str] = {}
        self._pending_boot_entries: list[tuple[str, str, str]] = []
        self._boot_number = 0
        self.on_boot: list[Callable[[], None]] = []
        self.on_down: list[Callable[[], None]] = []
        for sub in TCPIP_SUBSYSTEMS:
            self.src.define(sub, "tcpip" if sub != "syslogd" else "ras")
        self.src.on_stop.update({"inetd": self._tcpip_check})
        self.src.on_start.update({"inetd": self._tcpip_check})

    def __repr__(self) -> str:
        return f"AixHost({self.name}, {self.state})"

    @property
    def running(self) -> bool:
        return self.state == "running"

    def _src_pid(self, name: str) -> int:
        proc = self.processes.spawn("root", 0, f"/usr/sbin/{name}", self.sched.now)
        return proc.pid

    def _tcpip_check(self) -> None:
        # The model's reading of "TCP/IP subsystem failure" (book 6.2.2.3): with the
        # tcpip group stopped (tcp.clean) the stack carries no traffic until startsrc.
        self.stack.running = self.running and self.src.subsystems["inetd"].active

    def resolve(self, name: str) -> str | None:
        """A host name or dotted address → address, through /etc/hosts."""
        parts = name.split(".")
        if len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts):
            return name
        return self.hosts.get(name)

    def name_of(self, ip: str) -> str:
        for name, addr in self.hosts.items():
            if addr == ip:
                return name
        return ip

    def append(self, path: str, text: str) -> None:
        self.files[path] = self.files.get(path, "") + text

    # --- life cycle ----------------------------------------------------------
    def _ipl_varyon(self) -> bool:
        """Vary on rootvg (LED 551), mount its file systems, turn paging on; then the groups
        whose auto-varyon flag is set (book 3.4.4.3). With quorum off, rootvg is varied on
        with whatever disks answer [U]; without a quorum the boot stops at LED 552."""
        for key, record in self.lvm.odm.items():
            vg = self.lvm.storage.groups[key]
            if not vg.local:
                continue
            if self.lvm.varyonvg(key, force=not vg.quorum) is not None:
                return False
            for lv in vg.lvs:
                if lv.mount:
                    self.lvm.mount(lv.mount)
                if lv.type == "paging":
                    self.lvm.paging.append(lv.name)
        for key, record in self.lvm.odm.items():
            if record.auto_on and not self.lvm.storage.groups[key].local:
                self.lvm.varyonvg(key)
        return True

    def _start_syncd(self) -> None:
        number = self._boot_number

        def tick() -> None:
            if self.state != "running" or number != self._boot_number:
                return
            if not self.lvm.syncd():
                self.crash()  # a paging space that cannot be written: the kernel panics
                return
            self.sched.call_in(SYNCD_SECONDS, tick)
        self.sched.call_in(SYNCD_SECONDS, tick)

    def bring_up(self) -> None:
        """AIX has finished booting: vary on rootvg, configure interfaces, start TCP/IP."""
        if not self._ipl_varyon():
            self.state = "halted"
            self.node.led = "552"
            return
        self.state = "running"
        self.node.led = ""
        for nic in self.node.nics:
            nic.powered = True
        for iface in self.stack.interfaces.values():
            if iface.nic is not None:
                iface.addresses = []
                iface.up = False
                iface.nic.mac = iface.nic.burned_in
        for name, (ip, mask) in self.boot_config.items():
            self.stack.configure(name, ip, mask)
        self.stack.flush_arp()
        for group in ("tcpip", "ras"):
            for sub in self.src.group(group):
                self.src.start(sub.name)
        self.errlog.log(self.sched.now, "ERRLOG_ON", "errdemon")
        for label, resource, detail in self._pending_boot_entries:
            self.errlog.log(self.sched.now, label, resource, detail)
        self._pending_boot_entries.clear()
        self._tcpip_check()
        self._start_syncd()
        for hook in self.on_boot:
            hook()

    def _go_down(self, state: str, led: str) -> None:
        was_running = self.running
        self.state = state
        self.node.led = led
        self.src.kill_all()
        self.processes.clear()
        self.stack.running = False
        self.lvm.lose_everything()
        for nic in self.node.nics:
            nic.powered = False
        if was_running:
            for hook in self.on_down:
                hook()

    def crash(self) -> None:
        """Kernel panic (``cat /etc/hosts > /dev/kmem``): LED 888, dump, maybe fast reboot."""
        if not self.running:
            return
        self._go_down("crashed", "888")
        self._pending_boot_entries.append(("DUMP_STATS", "SYSDUMP", "system dump taken after kernel panic"))
        if self.node.smp and self.node.fast_reboot:
            self.sched.call_in(DUMP_SECONDS, self._boot)

    def halt(self, reason: str = "") -> None:
        """``halt -q``: AIX stops at once, no clean shutdown."""
        if not self.running:
            return
        if reason:
            self.errlog.log(self.sched.now, "OPMSG", "OPERATOR", reason)
        self._go_down("halted", "")

    def shutdown(self, reboot: bool) -> None:
        """``shutdown -F`` (and ``-r``): AIX stops at once; with ``-r`` it boots again."""
        if not self.running:
            return
        self._pending_boot_entries.append(("REBOOT_ID", "SYSPROC", "shutdown -F" + ("r" if reboot else "")))
        self._go_down("halted", "")
        if reboot:
            self._boot()

    def power_off(self) -> None:
        self._go_down("off", "")
        self._boot_number += 1
        self.node.powered = False

    def power_on(self) -> None:
        if self.node.powered:  # pressing the power switch of a machine that is on changes nothing
            return
        self.node.powered = True
        self._boot()

    def boot_device(self) -> str | None:
        """The first disk of the bootlist that answers and holds a boot image (``bosboot``)."""
        for hdisk in self.bootlist:
            key = self.lvm.disk_key(hdisk)
            disk = self.lvm.storage.disks.get(key) if key else None
            if disk is not None and disk.available and disk.boot_image and disk.reachable_from(self.name):
                return hdisk
        return None

    def _boot(self) -> None:
        if not self.node.powered or self.state == "running":
            return
        if self.boot_device() is None:
            # No disk of the bootlist can be booted: the firmware gives up [U: LED].
            self.state = "halted"
            self.node.led = "E1F1"
            return
        self.state = "booting"
        # A boot cut short (power off, another crash) must not finish later: each boot has its number.
        self._boot_number += 1
        delay = 0.0
        for led, seconds in BOOT_LEDS:
            self.sched.call_in(delay, self._show_led, led, self._boot_number)
            delay += self.sched.jitter(seconds)
        self.sched.call_in(delay, self._finish_boot, self._boot_number)

    def _show_led(self, led: str, number: int) -> None:
        if self.state == "booting" and number == self._boot_number:
            self.node.led = led

    def _finish_boot(self, number: int) -> None:
        if self.state == "booting" and number == self._boot_number:
            self.bring_up()
