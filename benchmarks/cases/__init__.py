"""Benchmark cases: every module here with a ``cases(ws)`` function is run by ``run.py``, in the
order of its ``ORDER`` number (then its name)."""
