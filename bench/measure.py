"""Measuring commands on a shared machine: CPU time of the process tree, wall time, peak memory,
and alternating rounds of two or more commands so that a change of load hits them alike.

Wall time on a machine others use says more about them than about the command; the CPU time of
the children (`getrusage(RUSAGE_CHILDREN)`, user + system) does not depend on how busy the other
cores are, though a loaded machine still slows every process a little (shared caches). So two
builds are compared by rounds that alternate (ours, plain, ours, plain, ...) and by the median of
the ratios of each round's pair, with their spread.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def peak_of(command: list[str], env: Mapping[str, str] | None = None) -> tuple[float, dict[str, float], str]:
    """Wall seconds, peak memory and CPU time of the command with its children, and its last stdout line.

    Memory, with psutil: the process tree sampled every 0.1 s, RSS summed (an upper bound: forked
    workers share pages) and PSS summed (shared pages split between the processes), in MiB; without
    it, getrusage(RUSAGE_CHILDREN), the peak of the largest single process only. `cpu_s` is the
    CPU time of the whole tree, `parent_cpu_s` the main process's own (what workers cannot share):
    unlike wall time, neither depends on what else the machine runs.
    """
    try:
        import psutil
    except ImportError:
        psutil = None
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = 0.0
    tree_cpu: dict[int, float] = {}  # each process's CPU seconds at the last sample
    idle_wall = 0.0
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=None if env is None else dict(env)
        )
        peak = {"rss": 0.0, "pss": 0.0}
        while psutil is not None and process.poll() is None:
            now = {"rss": 0.0, "pss": 0.0}
            try:
                root = psutil.Process(process.pid)
                own = root.cpu_times()
                parent_cpu = own.user + own.system
                members = [root, *root.children(recursive=True)]
                idle_wall += _idle_cores_interval(tree_cpu, members)
                for member in members:
                    info = member.memory_full_info()
                    now["rss"] += info.rss
                    now["pss"] += getattr(info, "pss", info.rss)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
            peak = {key: max(peak[key], now[key]) for key in peak}
            time.sleep(0.1)
        stdout, _ = process.communicate()
        seconds = time.perf_counter() - started
        if process.returncode not in (0, 1):  # 1: some article failed, reported in the summary
            errors.seek(0)
            raise RuntimeError(f"{command[:2]} failed: {errors.read().decode()[-2000:]}")
    if psutil is None:
        peak = {"rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024.0}
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures: dict[str, float] = {key: round(value / 2**20) for key, value in peak.items()}
    figures["cpu_s"] = round(
        cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime, 1
    )
    figures["parent_cpu_s"] = round(parent_cpu, 1)
    if psutil is not None:
        figures["idle_cores_wall_s"] = round(idle_wall, 1)
    return seconds, figures, (stdout.strip().splitlines() or [""])[-1]


def _idle_cores_interval(last_cpu: dict[int, float], members: Sequence[Any]) -> float:
    """The wall time the CPU work done since the last sample would take on this machine's cores
    with nothing else running: the work spread over the cores, but no process faster than one
    core (so a phase where one process works alone counts in full: the critical path).

    Summed over a run, it states a parallel run's wall time independently of the load: waiting
    for a core stretches an interval's wall time, not the CPU work done in it.
    """
    import psutil

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    done = []
    for member in members:
        try:
            times = member.cpu_times()
        except psutil.Error:  # it ended since it was listed
            continue
        now = times.user + times.system
        done.append(now - last_cpu.get(member.pid, 0.0))
        last_cpu[member.pid] = now
    return max(sum(done) / cores, max(done, default=0.0))


@dataclass(frozen=True)
class Command:
    """One of the commands compared: a name, what to run, and what to add to the environment."""

    name: str
    argv: list[str]
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Round:
    """One run of a command: wall and CPU seconds, peak memory (PSS where psutil gives it), load."""

    wall_s: float
    cpu_s: float
    peak_mib: float
    load: float  # the 1-minute load average when the run ended: how shared the machine was

    def as_dict(self) -> dict[str, float]:
        return {
            "wall_s": round(self.wall_s, 1),
            "cpu_s": self.cpu_s,
            "peak_mib": self.peak_mib,
            "load": self.load,
        }


def run_once(command: Command) -> Round:
    seconds, figures, _ = peak_of(command.argv, {**os.environ, **command.env})
    return Round(
        seconds, figures["cpu_s"], figures.get("pss") or figures["rss"], round(os.getloadavg()[0], 2)
    )


def alternate(commands: Sequence[Command], rounds: int) -> dict[str, list[Round]]:
    """Each command run `rounds` times, in turn: a, b, a, b, ..."""
    runs: dict[str, list[Round]] = {command.name: [] for command in commands}
    for _ in range(rounds):
        for command in commands:
            runs[command.name].append(run_once(command))
    return runs


def ratios(ours: Sequence[Round], theirs: Sequence[Round]) -> dict[str, Any]:
    """Ours over theirs, round by round, in CPU and wall time: each round's ratio, their median and
    spread (lowest, highest), and each side's median seconds and peak memory."""
    summary: dict[str, Any] = {"rounds": len(ours)}
    for measure in ("cpu_s", "wall_s"):
        mine = [getattr(run, measure) for run in ours]
        other = [getattr(run, measure) for run in theirs]
        each = [round(a / b, 3) for a, b in zip(mine, other, strict=True)]
        kind = measure.removesuffix("_s")
        summary[f"{kind}_ratio_median"] = round(statistics.median(each), 2)
        summary[f"{kind}_ratio_spread"] = [round(min(each), 2), round(max(each), 2)]
        summary[f"{kind}_ratios"] = each
        summary[f"{kind}_s_median"] = [round(statistics.median(mine), 1), round(statistics.median(other), 1)]
    summary["peak_mib"] = [max(run.peak_mib for run in ours), max(run.peak_mib for run in theirs)]
    summary["load"] = [run.load for pair in zip(ours, theirs, strict=True) for run in pair]
    return summary
