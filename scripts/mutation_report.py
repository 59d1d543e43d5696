"""Runs mutmut over the core's rule modules (or the ones named) and prints the score per module."""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
LOG = MUTANTS / "mutmut-run.log"
STATS = MUTANTS / "mutmut-stats.json"
MUTATED = MUTANTS / "mutated-modules.json"
GOAL = 85.0

# mutmut's exit codes (mutmut/stats.py): a mutant counts as caught when a test failed on it,
# pytest broke on it, it ran out of time, it crashed the worker or the type checker refused it.
CAUGHT = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout",
          152: "timeout", 255: "timeout", -11: "crashed", -9: "crashed", 37: "killed"}
OTHER = {0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", None: "not checked"}


@dataclass(frozen=True, slots=True)
class ModuleScore:
    """The mutants of one module by outcome."""

    module: str
    counts: dict[str, int]

    @property
    def caught(self) -> int:
        return self.counts.get("killed", 0) + self.counts.get("timeout", 0) + self.counts.get(
            "crashed", 0)

    @property
    def total(self) -> int:
        """Mutants that were checked (not-checked and skipped ones do not count)."""
        return sum(n for status, n in self.counts.items()
                   if status not in ("not checked", "skipped"))

    @property
    def percent(self) -> float:
        return 100.0 * self.caught / self.total if self.total else 100.0


def configured_modules() -> list[str]:
    """The files [tool.mutmut] only_mutate names (globs expanded), in its order."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    modules: list[str] = []
    for pattern in config["only_mutate"]:
        for path in sorted(ROOT.glob(pattern)):
            relative = path.relative_to(ROOT).as_posix()
            if relative not in modules:
                modules.append(relative)
    return modules


def mutant_glob(module: str) -> str:
    """mutmut's name pattern for the mutants of one file: assistant/x/y.py → assistant.x.y.*"""
    dotted = module.removesuffix(".py").replace("/", ".")
    return f"{dotted.removesuffix('.__init__')}.*" if dotted.endswith("__init__") else f"{dotted}.*"


def has_functions(module: str) -> bool:
    """mutmut 3 only mutates inside functions; a file without any has no mutants."""
    text = (ROOT / module).read_text(encoding="utf-8")
    return "def " in text


def forget_stale_coverage(configured: list[str], stats: Path = STATS,
                          record: Path = MUTATED) -> bool:
    """mutmut keeps which test covers which function from run to run, tracing only new tests
    again; a module added to only_mutate since was never traced, so its mutants would run
    against no test or a few new ones and survive. Drops that map when a module was added
    (mutmut then traces every test again); returns whether it did."""
    before = json.loads(record.read_text(encoding="utf-8")) if record.exists() else None
    stale = stats.exists() and (before is None or not set(configured) <= set(before))
    if stale:
        stats.unlink()
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(configured), encoding="utf-8")
    return stale


def run_mutmut(modules: list[str], jobs: int, fresh: bool) -> tuple[float, float]:
    """Runs mutmut on every mutant of these modules (none is taken from an earlier run);
    returns the wall-clock and CPU seconds it took."""
    env = _test_env()
    if fresh:  # else mutmut reuses which test covers which function, adding new tests only
        shutil.rmtree(MUTANTS, ignore_errors=True)
    if forget_stale_coverage(configured_modules()):
        print("only_mutate gained a module since the last run: every test is traced again")
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    command = [mutmut, "run", "--max-children", str(jobs), *map(mutant_glob, modules)]
    MUTANTS.mkdir(exist_ok=True)
    start = time.monotonic()
    cpu_before = _children_cpu()
    with _shared_beside_mutants(env), LOG.open("w", encoding="utf-8") as log:
        finished = subprocess.run(command, cwd=ROOT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  check=False)
    elapsed = time.monotonic() - start
    if finished.returncode != 0:
        tail = LOG.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"mutmut failed (exit {finished.returncode}); the end of {LOG}:\n{tail}")
    return elapsed, _children_cpu() - cpu_before


def _test_env() -> dict[str, str]:
    env = dict(os.environ, LEESWIJZER_OFFLINE="1", QT_QPA_PLATFORM="offscreen")
    env.setdefault("LEESWIJZER_SHARED", str(ROOT.parent / "shared"))
    return env


@contextlib.contextmanager
def _shared_beside_mutants(env: dict[str, str]) -> Iterator[None]:
    """Tests find the shared folder beside their checkout; mutmut runs them from mutants/, so
    it must be beside mutants/ too while they run."""
    shared_link = ROOT / "shared"
    linked = not shared_link.exists() and Path(env["LEESWIJZER_SHARED"]).is_dir()
    if linked:
        shared_link.symlink_to(Path(env["LEESWIJZER_SHARED"]).resolve(), target_is_directory=True)
    try:
        yield
    finally:
        if linked:
            shared_link.unlink()


def recheck(names: list[str], tests: list[str], jobs: int) -> dict[str, bool]:
    """Runs each of these mutants (the last run's survivors) against these test files, copied
    into mutants/ as they are now, without a new run; returns whether each was caught (a test
    failed, or its tests ran out of time)."""
    for test in tests:
        target = MUTANTS / test
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / test, target)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    command = [sys.executable, "-m", "pytest", "-x", "-q", "--rootdir=.", "-p", "no:randomly",
               *config.get("pytest_add_cli_args", []), *tests]
    env = _test_env()

    def caught(name: str) -> bool:
        try:
            finished = subprocess.run(command, cwd=MUTANTS, env=dict(env, MUTANT_UNDER_TEST=name),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      stdin=subprocess.DEVNULL, check=False, timeout=600)
        except subprocess.TimeoutExpired:
            return True
        if finished.returncode not in (0, 1):
            sys.exit(f"pytest could not run the tests for {name} (exit {finished.returncode})")
        return finished.returncode == 1

    with _shared_beside_mutants(env), ThreadPoolExecutor(max(1, jobs)) as pool:
        return dict(zip(names, pool.map(caught, names), strict=True))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def module_score(module: str, mutants: Path = MUTANTS) -> ModuleScore:
    meta = mutants / f"{module}.meta"
    counts: Counter[str] = Counter()
    if meta.exists():
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for code in codes.values():
            counts[CAUGHT.get(code) or OTHER.get(code, "suspicious")] += 1
    return ModuleScore(module, dict(counts))


def survivors(module: str) -> list[str]:
    meta = MUTANTS / f"{module}.meta"
    if not meta.exists():
        return []
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return sorted(name for name, code in codes.items() if code in (0, 5, 33))


def print_report(scores: list[ModuleScore], timing: tuple[float, float] | None, jobs: int) -> None:
    width = max(len(s.module) for s in scores)
    print(f"{'module':<{width}}  caught / total      %  survived  no tests")
    for s in scores:
        flag = "" if s.percent >= GOAL else "  < goal"
        print(f"{s.module:<{width}}  {s.caught:>6} / {s.total:<5} {s.percent:5.1f}  "
              f"{s.counts.get('survived', 0):>8}  {s.counts.get('no tests', 0):>8}{flag}")
    caught = sum(s.caught for s in scores)
    total = sum(s.total for s in scores)
    print(f"{'all':<{width}}  {caught:>6} / {total:<5} "
          f"{100.0 * caught / total if total else 100.0:5.1f}")
    unchecked = sum(s.counts.get("not checked", 0) for s in scores)
    if unchecked:
        print(f"{unchecked} mutants not checked (run interrupted?)")
    if timing is not None:
        wall, cpu = timing
        print(f"time: {wall / 60:.1f} min ({wall:.0f} s wall clock, {cpu:.0f} s CPU) "
              f"with {jobs} workers")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("modules", nargs="*",
                        help="files to mutate (globs, e.g. assistant/timex/*.py); default: all "
                             "the rule modules in [tool.mutmut] only_mutate")
    parser.add_argument("--run", action="store_true", help="run mutmut first (else: report the "
                        "last run's results)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--fresh", action="store_true",
                        help="start from nothing (drops mutants/, so the test coverage is rebuilt)")
    parser.add_argument("--survivors", action="store_true",
                        help="list the surviving mutants (see one: .venv/bin/mutmut show NAME)")
    parser.add_argument("--recheck", nargs="+", metavar="TEST_FILE",
                        help="run the last run's survivors of these modules against these test "
                             "files (as they are now) and say which of them the files catch")
    args = parser.parse_args(argv)
    known = configured_modules()
    if args.modules:
        chosen = [m for m in known if any(fnmatch.fnmatch(m, p) for p in args.modules)]
        unknown = [p for p in args.modules if not any(fnmatch.fnmatch(m, p) for m in known)]
        if unknown:
            parser.error(f"not a rule module in [tool.mutmut] only_mutate: {', '.join(unknown)}")
    else:
        chosen = known
    chosen = [m for m in chosen if has_functions(m)]
    if not chosen:
        parser.error("none of these modules has a function to mutate")
    timing = run_mutmut(chosen, args.jobs, args.fresh) if args.run else None
    scores = [module_score(m) for m in chosen]
    print_report(scores, timing, args.jobs)
    if args.survivors:
        for module in chosen:
            for name in survivors(module):
                print(f"survived: {name}")
    if args.recheck:
        left = [name for module in chosen for name in survivors(module)]
        outcome = recheck(left, args.recheck, args.jobs)
        for name, was_caught in outcome.items():
            print(f"{'caught' if was_caught else 'survives'}: {name}")
        print(f"caught by {' '.join(args.recheck)}: {sum(outcome.values())} of {len(outcome)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
