"""Whatever a student types, a command answers like AIX: output and a status, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamodel.commands import execute
from tests.conftest import started

WORDS = ["ifconfig", "netstat", "ping", "arp", "lsvg", "lspv", "df", "ps", "kill", "errpt", "errclear",
         "lssrc", "startsrc", "stopsrc", "smit", "clstop", "clfindres", "clstat", "cat", "tail", "echo",
         "sh", "mpcfg", "varyonvg", "varyoffvg", "mount", "umount", "hostname", "date", "shutdown",
         "-a", "-i", "-n", "-in", "-c", "-g", "-s", "-l", "-o", "-u", "-f", "-e", "-ef", "-9", "-F", "-r", "-cf",
         "en0", "en1", "lo0", "up", "down", "alias", "delete", "netmask", "inet", "255.255.255.0", "192.168.10.1",
         "nodeA_svc", "client1", "sharedvg", "rootvg", "/sharedfs", "/tmp/hacmp.out", "/etc/hosts", "cluster",
         "tcpip", "clstrmgr", "clinfo", "clstart", "clstop", "graceful", "takeover", "11", "1", "0", "3", "x",
         "'", '"', ">", ">>", "|", "appuser", "-N", "-J", "OPMSG",
         # storage
         "lslv", "importvg", "exportvg", "chvg", "extendvg", "reducevg", "mklvcopy", "rmlvcopy", "splitlvcopy",
         "mirrorvg", "syncvg", "rmlv", "fsck", "logredo", "lsps", "lsdev", "lsattr", "bootlist", "bosboot",
         "sysdumpdev", "ssaxlate", "diag", "dd", "crfs", "clverify", "raidant", "drive", "list", "-m", "-p", "-v",
         "-y", "-V", "-Q", "-Qn", "-C", "-E", "-El", "-Cc", "-d", "-T", "linkver", "normal", "disk", "pdisk",
         "hdisk0", "hdisk1", "hdisk2", "hdisk3", "hd5", "hd6", "sharedlv", "sharedloglv", "/dev/hdisk1",
         "/dev/sharedlv", "/dev/rsharedlv", "ssa0", "ssar", "scsi1", "d1", "83", "84", "2", "jfs", "if=/etc/hosts",
         "of=/dev/rsharedlv", "seek=2", "skip=x", "count=1", "y", "n"]

@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.sampled_from(["nodeA", "nodeB", "client1"]))
def test_any_command_line_gets_an_answer(words: list[str], host: str) -> None:
    line = " ".join(words)
    if ">" in words and ("/dev/kmem" in line or words.index(">") == len(words) - 1):
        return
    lab = started()
    output, status = execute(lab.world, host, line)
    assert isinstance(output, str) and isinstance(status, int)
