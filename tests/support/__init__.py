"""What the tests and the benchmarks share: repository copies, a local server, Chromium, HTML parsing.

`bench/` imports from here (never the other way round), so a benchmark and a test that measure
the same thing use the same copy of the repository, the same server and the same browser flags.
"""
