"""Start one command and measure it: ``python -S launch.py SPEC.json``.

Linux reports in a child's ``ru_maxrss`` the peak memory of the process it was forked from,
up to its ``exec`` (the kernel keeps the high-water mark of the memory it replaces). Measured
from a big parent — a benchmark runner that generated a large sprint, or a test process — every
command would seem to use at least as much memory as that parent. This launcher is small (it
runs without ``site``, importing nothing but the standard library), so the command it forks and
waits for reports its own peak. It runs the command with the working folder, environment,
standard input, output files and address-space limit the spec gives, and writes wall time
(fork to reaped), CPU time (user + system), peak resident memory (KiB) and the wait status as
JSON to the spec's ``result`` file. Used by ``harness.py`` and by the robustness tests."""

import json
import os
import sys
import time


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the command
        try:
            if spec.get("cwd"):
                os.chdir(spec["cwd"])
            if spec.get("memory_bytes"):
                import resource

                size = int(spec["memory_bytes"])
                resource.setrlimit(resource.RLIMIT_AS, (size, size))
            for fd, (path, flags) in enumerate(((spec.get("stdin") or os.devnull, os.O_RDONLY),
                                                (spec.get("stdout") or os.devnull,
                                                 os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                                (spec.get("stderr") or os.devnull,
                                                 os.O_WRONLY | os.O_CREAT | os.O_TRUNC))):
                opened = os.open(path, flags, 0o644)
                os.dup2(opened, fd)
                os.close(opened)
            os.execvpe(spec["argv"][0], spec["argv"], spec.get("env") or dict(os.environ))
        except BaseException as exc:  # could not start it: say why, exit like a shell does
            os.write(2, f"launch.py: cannot run {spec['argv'][0]}: {exc}\n".encode())
            os._exit(127)
    timeout = spec.get("timeout")
    if timeout:
        import signal

        signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
        signal.setitimer(signal.ITIMER_REAL, float(timeout))
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    with open(spec["result"], "w", encoding="utf-8") as handle:
        json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                   "maxrss_kib": usage.ru_maxrss, "status": status,
                   "timed_out": bool(timeout) and wall >= float(timeout)}, handle)


if __name__ == "__main__":
    main()
