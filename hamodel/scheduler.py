"""Virtual time: a clock, an event queue and the one seeded random source.

Usage::

    sched = Scheduler(seed=7)
    sched.call_in(2.5, print, "two and a half seconds later")
    sched.run_until(10.0)          # runs every callback due by t=10 s
    assert sched.now == 10.0

Nothing in the model sleeps: a callback scheduled at ``t`` runs when the
clock is advanced past ``t``. Callbacks due at the same instant run in the
order they were scheduled, so a run is a pure function of the seed and the
acts, which is what makes two runs byte-identical.

A pending call can be in one of two states: *scheduled* (in the queue) or
*cancelled* (still in the queue, skipped when its time comes).
"""

from __future__ import annotations

import heapq
import random
from datetime import datetime, timedelta
from typing import Any, Callable

#: Wall-clock origin of virtual time: the model's logs print dates from here.
EPOCH = (1999, 11, 22, 9, 0, 0)


def wallclock(t: float) -> datetime:
    """The date and time virtual second ``t`` stands for, as the model's logs print it."""
    return datetime(*EPOCH) + timedelta(seconds=t)


def syslog_stamp(t: float) -> str:
    """``Nov 22 09:00:12``: the stamp of hacmp.out and cluster.log lines."""
    return wallclock(t).strftime("%b %d %H:%M:%S")


class Call:
    """A callback due at virtual time ``at``; ``seq`` breaks ties by order of scheduling."""

    __slots__ = ("at", "seq", "fn", "args", "cancelled")

    def __init__(self, at: float, seq: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.at = at
        self.seq = seq
        self.fn = fn
        self.args = args
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Scheduler:
    """The virtual clock (seconds since :data:`EPOCH`) and its event queue."""

    def __init__(self, seed: int = 0) -> None:
        self.now: float = 0.0
        self.seed = seed
        self.rng = random.Random(seed)
        # Heap entries are (time, sequence, call): plain tuples compare fast.
        self._queue: list[tuple[float, int, Call]] = []
        self._seq = 0
        self.events_run = 0

    def __repr__(self) -> str:
        return f"Scheduler(now={self.now:.3f}, pending={len(self._queue)})"

    def call_at(self, at: float, fn: Callable[..., Any], *args: Any) -> Call:
        """Run ``fn(*args)`` at virtual time ``at`` (never in the past)."""
        self._seq += 1
        at = at if at > self.now else self.now
        call = Call(at, self._seq, fn, args)
        heapq.heappush(self._queue, (at, self._seq, call))
        return call

    def call_in(self, delay: float, fn: Callable[..., Any], *args: Any) -> Call:
        """Run ``fn(*args)`` ``delay`` seconds from now."""
        return self.call_at(self.now + delay, fn, *args)

    def next_time(self) -> float | None:
        """When the next live call is due, or None when nothing is pending."""
        queue = self._queue
        while queue and queue[0][2].cancelled:
            heapq.heappop(queue)
        return queue[0][0] if queue else None

    def step(self) -> bool:
        """Run the next live call; False when the queue is empty."""
        queue = self._queue
        while queue:
            at, _, call = heapq.heappop(queue)
            if call.cancelled:
                continue
            self.now = at
            self.events_run += 1
            call.fn(*call.args)
            return True
        return False

    def run_until(self, t: float) -> None:
        """Run every call due at or before ``t``, then set the clock to ``t``."""
        queue = self._queue
        pop = heapq.heappop
        while queue and queue[0][0] <= t:
            at, _, call = pop(queue)
            if call.cancelled:
                continue
            self.now = at
            self.events_run += 1
            call.fn(*call.args)
        if t > self.now:
            self.now = t

    def jitter(self, base: float, spread: float = 0.1) -> float:
        """``base`` seconds varied by up to ±``spread`` of itself, drawn from the seeded source."""
        return round(base * (1.0 + self.rng.uniform(-spread, spread)), 3)


class Process:
    """A generator run in virtual time: each ``yield seconds`` pauses it that long.

    A process is *running* until its generator returns (its return value is
    ``result``) or it is *killed* (its node went down); ``on_done`` is called
    with the result once it ends normally.
    """

    def __init__(self, sched: Scheduler, gen, on_done: Callable[[Any], None] | None = None) -> None:
        self.sched = sched
        self.gen = gen
        self.on_done = on_done
        self.alive = True
        self.result: Any = None
        sched.call_in(0.0, self._resume)

    def kill(self) -> None:
        self.alive = False
        self.gen.close()

    def _resume(self) -> None:
        if not self.alive:
            return
        try:
            delay = next(self.gen)
        except StopIteration as stop:
            self.alive = False
            self.result = stop.value
            if self.on_done is not None:
                self.on_done(stop.value)
            return
        self.sched.call_in(float(delay), self._resume)
