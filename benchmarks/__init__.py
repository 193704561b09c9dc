"""How fast tpatlas is, measured against a baseline taken in the same run.

``python -m benchmarks`` (or ``make bench``) prints a table and writes
``benchmarks/results/latest.json``; see ``benchmarks/README.md``.
"""
