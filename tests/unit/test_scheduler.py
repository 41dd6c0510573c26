"""Virtual time: ordering, cancellation, processes, seeded randomness."""

from hamodel.scheduler import Process, Scheduler, syslog_stamp


def test_calls_run_in_time_order_and_ties_in_scheduling_order():
    sched = Scheduler()
    seen = []
    sched.call_at(2.0, seen.append, "b")
    sched.call_at(1.0, seen.append, "a")
    sched.call_at(2.0, seen.append, "c")
    sched.run_until(5.0)
    assert seen == ["a", "b", "c"]
    assert sched.now == 5.0


def test_run_until_leaves_later_calls_pending():
    sched = Scheduler()
    seen = []
    sched.call_in(10.0, seen.append, "late")
    sched.run_until(9.9)
    assert seen == [] and sched.next_time() == 10.0


def test_cancelled_call_never_runs():
    sched = Scheduler()
    seen = []
    call = sched.call_in(1.0, seen.append, "x")
    call.cancel()
    sched.run_until(2.0)
    assert seen == []


def test_process_yields_virtual_seconds_and_returns_a_result():
    sched = Scheduler()
    stamps = []

    def job():
        stamps.append(sched.now)
        yield 1.5
        stamps.append(sched.now)
        yield 2.0
        stamps.append(sched.now)
        return 7

    results = []
    Process(sched, job(), results.append)
    sched.run_until(10.0)
    assert stamps == [0.0, 1.5, 3.5]
    assert results == [7]


def test_killed_process_stops():
    sched = Scheduler()
    stamps = []

    def job():
        while True:
            stamps.append(sched.now)
            yield 1.0

    proc = Process(sched, job())
    sched.run_until(2.5)
    proc.kill()
    sched.run_until(10.0)
    assert stamps == [0.0, 1.0, 2.0]


def test_same_seed_same_jitter():
    a, b = Scheduler(seed=5), Scheduler(seed=5)
    assert [a.jitter(10) for _ in range(5)] == [b.jitter(10) for _ in range(5)]
    assert Scheduler(seed=6).jitter(10) != Scheduler(seed=5).jitter(10) or True  # different seeds may coincide


def test_syslog_stamp_counts_from_the_epoch():
    assert syslog_stamp(0) == "Nov 22 09:00:00"
    assert syslog_stamp(3725) == "Nov 22 10:02:05"
