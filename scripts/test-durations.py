#!/usr/bin/env python3
"""Where a test run's time goes, read from the .trx files of scripts/test.sh.

Usage: scripts/test-durations.py [TRX...]   (default: .test-run/results/*.trx)
Prints, per file: wall time (first start to last end), the sum of test durations, then the classes
by wall span (first test start to last test end; a class's fixture set-up falls before its first test,
shown as the gap since the previous class of the same collection ended), and the slowest tests.
"""
import glob, re, sys, xml.etree.ElementTree as ET
from datetime import datetime

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
TOP = 25

def seconds(d):
    h, m, s = d.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)

def stamp(s):
    # 2026-11-30T10:01:02.1234567+00:00: keep microseconds only
    m = re.match(r"(.*\.\d{6})\d*([+-]\d\d:\d\d|Z)?$", s)
    if m: s = m.group(1) + (m.group(2) or "")
    return datetime.fromisoformat(s.replace("Z", "+00:00"))

def report(path):
    root = ET.parse(path).getroot()
    classes = {}
    for ut in root.iterfind(".//t:UnitTest", NS):
        tm = ut.find("t:TestMethod", NS)
        classes[ut.get("id")] = tm.get("className") if tm is not None else "?"
    rows = []
    for r in root.iterfind(".//t:UnitTestResult", NS):
        if r.get("duration") is None: continue
        rows.append((classes.get(r.get("testId"), "?"), r.get("testName"), seconds(r.get("duration")),
                     stamp(r.get("startTime")), stamp(r.get("endTime")), r.get("outcome")))
    if not rows:
        print(f"{path}: no results"); return
    start = min(r[3] for r in rows); end = max(r[4] for r in rows)
    total = sum(r[2] for r in rows)
    print(f"\n### {path}\n{len(rows)} tests, wall {(end - start).total_seconds():.0f}s, sum of test durations {total:.0f}s")
    per = {}
    for c, n, d, s, e, o in rows:
        p = per.setdefault(c, [0, 0.0, s, e])
        p[0] += 1; p[1] += d; p[2] = min(p[2], s); p[3] = max(p[3], e)
    print(f"\nclasses by wall span (top {TOP} of {len(per)}):  span  sum  tests  first-start(+s)")
    for c, (k, d, s, e) in sorted(per.items(), key=lambda kv: -(kv[1][3] - kv[1][2]).total_seconds())[:TOP]:
        print(f"  {(e - s).total_seconds():7.1f} {d:7.1f} {k:4d}  +{(s - start).total_seconds():6.0f}  {c}")
    print(f"\nslowest tests (top {TOP}):")
    for c, n, d, s, e, o in sorted(rows, key=lambda r: -r[2])[:TOP]:
        print(f"  {d:7.1f}  {o:7s} {n}")
    # The app under test starts on a class's first use of its factory, inside its first test: the first test's
    # excess over the class's median test estimates the start-up (host, template copy, first requests).
    byclass = {}
    for c, n, d, s, e, o in rows: byclass.setdefault(c, []).append((s, d))
    excess = []
    for c, tests in byclass.items():
        if len(tests) < 3: continue
        tests.sort()
        rest = sorted(d for _, d in tests[1:])
        excess.append(max(0.0, tests[0][1] - rest[len(rest) // 2]))
    if excess:
        excess.sort()
        print(f"\nfirst test's excess over its class's median (start-up), {len(excess)} classes of 3+ tests: "
              f"median {excess[len(excess) // 2]:.1f}s, sum {sum(excess):.0f}s")
    # Grouped by provider suffix: SqliteTests / PostgresTests / other
    groups = {}
    for c, (k, d, s, e) in per.items():
        g = "sqlite" if c.endswith("SqliteTests") else "postgres" if c.endswith("PostgresTests") else "other"
        x = groups.setdefault(g, [0, 0, 0.0]); x[0] += 1; x[1] += k; x[2] += d
    print("\nby provider: " + ", ".join(f"{g}: {a} classes, {b} tests, {c:.0f}s" for g, (a, b, c) in sorted(groups.items())))

files = sys.argv[1:] or sorted(glob.glob(".test-run/results/*.trx"))
for f in files: report(f)
