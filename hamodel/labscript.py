"""Scripted lab sessions: a file of typed commands, physical acts and waits, replayed in virtual time.

Usage::

    lab = Lab.load("hotstandby", seed=1)
    print(replay(lab, Path("drill.lab").read_text(), "drill.lab"))

Syntax, one item per line::

    # a comment
    nodeA$ smit clstart          a command typed on a node or client
    ! unplug nodeA en0           a physical act (see hamodel.lab.ACTS)
    wait 30                      let 30 virtual seconds pass
    settle                       run until the cluster is stable

The transcript shows each line with the virtual time it ran at, followed by
what it printed. A line the lab cannot run raises :class:`LabError` naming
the file, the line number and what is wrong; lines before it have run.
"""

from __future__ import annotations

import re

from hamodel.lab import Lab, LabError

COMMAND = re.compile(r"^(?P<host>[A-Za-z0-9_]+)\$\s*(?P<command>.+)$")


def run_line(lab: Lab, line: str) -> str:
    """Run one script line; return what it prints (with its time stamp)."""
    text = line.strip()
    if not text or text.startswith("#"):
        return ""
    stamp = f"[{lab.now:9.2f}]"
    m = COMMAND.match(text)
    if m:
        result = lab.run(m["host"], m["command"])
        return f"{stamp} {m['host']}$ {m['command']}\n{result.output}"
    if text.startswith("!"):
        lab.act(text[1:].strip())
        return f"{stamp} ! {text[1:].strip()}\n"
    words = text.split()
    if words[0] == "wait" and len(words) == 2:
        try:
            seconds = float(words[1])
        except ValueError:
            raise LabError(f"wait needs a number of seconds, not {words[1]!r}") from None
        lab.wait(seconds)
        return f"{stamp} wait {words[1]}\n"
    if words == ["settle"]:
        taken = lab.settle()
        return f"{stamp} settle: stable after {taken:.1f} s\n"
    raise LabError(f"cannot read {text!r}: expected 'host$ command', '! act', 'wait N', 'settle' or '# comment'")


def replay(lab: Lab, script: str, source: str = "<script>") -> str:
    """Run every line of ``script``; return the transcript. Errors name ``source`` and the line."""
    out = [f"# {lab.definition.cluster.name}, seed {lab.seed}\n"]
    for number, line in enumerate(script.splitlines(), start=1):
        try:
            out.append(run_line(lab, line))
        except LabError as err:
            located = LabError(f"{source}:{number}: {err}")
            located.transcript = "".join(out)  # what ran before the bad line is not lost
            raise located from None
    return "".join(out)
