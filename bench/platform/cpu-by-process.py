#!/usr/bin/env python3
"""CPU time used by each part of the running platform, from /proc: `snapshot FILE` records it, `report FILE TICKS`
prints what each part used since the snapshot, as a share of the machine and in microseconds of CPU per tick of the
feed. Processes are grouped by name (an engine's executable, redis-server, postgres, the Aspire dashboard); a process
that started or ended in between counts for what it used while both snapshots saw it."""
import json, os, sys

HZ = os.sysconf("SC_CLK_TCK")


def name_of(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
    except OSError:
        return None
    exe = os.path.basename(argv[0].decode(errors="replace")) if argv and argv[0] else ""
    if exe.startswith("Nautilus."):
        return exe.removeprefix("Nautilus.").removesuffix(".Engine")
    if exe.startswith("postgres"):
        return "postgres"
    if exe.startswith("redis-server"):
        return "redis-server " + (argv[1].decode(errors="replace").split(":")[-1] if len(argv) > 1 else "")
    if exe == "Aspire.Dashboard" or exe == "dcp" or exe.startswith("dcp"):
        return exe
    return None


def snapshot():
    usage = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        name = name_of(entry)
        if name is None:
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        usage[entry] = (name, int(fields[11]) + int(fields[12]))  # utime + stime
    with open("/proc/uptime") as f:
        return {"uptime": float(f.read().split()[0]), "usage": usage}


if sys.argv[1] == "snapshot":
    with open(sys.argv[2], "w") as f:
        json.dump(snapshot(), f)
else:
    with open(sys.argv[2]) as f:
        before = json.load(f)
    ticks = int(sys.argv[3])
    after = snapshot()
    seconds = after["uptime"] - before["uptime"]
    cores = os.cpu_count()
    by_name = {}
    for pid, (name, used) in after["usage"].items():
        if pid in before["usage"]:
            by_name[name] = by_name.get(name, 0) + (used - before["usage"][pid][1]) / HZ
    total = sum(by_name.values())
    print(f"CPU over {seconds:.1f} s: {total / seconds:.2f} of {cores} cores in the platform's processes; per tick of the feed:")
    for name, cpu in sorted(by_name.items(), key=lambda kv: -kv[1]):
        if cpu / seconds >= 0.005:
            print(f"  {name:<24} {100 * cpu / (seconds * cores):5.1f} % of the machine  {1e6 * cpu / max(ticks, 1):6.2f} µs/tick")
    print(f"  {'all of them':<24} {100 * total / (seconds * cores):5.1f} %                 {1e6 * total / max(ticks, 1):6.2f} µs/tick")
