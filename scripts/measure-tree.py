# Runs one command for scripts/bench.js and measures its whole process tree: wall time until the last
# descendant has exited, user + system CPU of every descendant, and (when asked) the peak of the summed
# proportional set size (PSS) of the tree, sampled. It makes itself a child subreaper (Linux prctl), so the
# browser processes that outlive their parent are re-parented here and counted, which /usr/bin/time misses.
#
# Usage: python3 measure-tree.py <result.json> <sample-ms, 0 for none> <command> [args...]
# The command's stdin, stdout and stderr are this process's; the figures go to <result.json>.
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def tree(root):
    """The pids of every process below root."""
    parent = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        parent[int(name)] = int(text[text.rindex(")") + 2 :].split()[1])
    below = []
    for pid in parent:
        up = parent.get(pid)
        while up is not None and up != root and up > 1:
            up = parent.get(up)
        if up == root:
            below.append(pid)
    return below


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    out, sample_ms, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    started = time.monotonic()
    child = subprocess.Popen(command)
    peak = 0
    if sample_ms > 0:
        while child.poll() is None:
            peak = max(peak, sum(pss_kib(pid) for pid in tree(os.getpid())))
            time.sleep(sample_ms / 1000)
    status = child.wait()
    # Orphans (a browser's helpers) were re-parented here: wait for the last of them.
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as result:
        json.dump(
            {
                "status": status,
                "wallMs": wall * 1000,
                "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
                "peakPssMiB": peak / 1024 if sample_ms > 0 else None,
            },
            result,
        )


main()
