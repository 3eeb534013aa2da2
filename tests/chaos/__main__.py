"""`make chaos`: the pipeline under SIGKILLs, a flaky receiver, a PostgreSQL and a broker restart and malformed
records; asserts that nothing is lost or doubled and prints the figures.

    .venv/bin/python -m tests.chaos [--articles 20000] [--kills 3] [--window 120] [--seed N]
                                    [--no-postgres-restart] [--no-broker-restart]

PostgreSQL: its own embedded server (pgserver, under .data/chaos-pg), restarted with `pg_ctl restart -m fast`.
With DATABASE_URL set, that server is used (a scratch database is created and dropped) and restarted by the shell
command in RAQIB_CHAOS_PG_RESTART, e.g. `pg_ctlcluster --skip-systemctl-redirect 16 main restart`; without it
the PostgreSQL restart is skipped (and said so).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.chaos.harness import Config
from tests.chaos.run import run

ROOT = Path(__file__).resolve().parents[2]


def database() -> tuple[str, Callable[[], None] | None, Callable[[], None]]:
    """-> (server URL, how to restart that server if we may, how to stop it if it is ours)."""
    if os.environ.get("DATABASE_URL"):
        command = os.environ.get("RAQIB_CHAOS_PG_RESTART")
        if not command:
            return os.environ["DATABASE_URL"], None, lambda: None

        def run_command() -> None:
            subprocess.run(command, shell=True, check=True)

        return os.environ["DATABASE_URL"], run_command, lambda: None
    import pgserver
    from pgserver import _commands

    server = pgserver.get_server(str(ROOT / ".data" / "chaos-pg"), cleanup_mode="stop")

    pg_ctl = getattr(_commands, "pg_ctl")  # noqa: B009 (made at import time: mypy cannot see it)

    def restart() -> None:
        pg_ctl(["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=server.system_user, timeout=60)

    def stop() -> None:  # pgserver's own clean-up misses a server restarted under it
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user, timeout=60)

    return str(server.get_uri()), restart, stop


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m tests.chaos", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=20_000)
    p.add_argument("--kills", type=int, default=3, help="SIGKILLs per service")
    p.add_argument("--window", type=float, default=120.0, help="seconds over which posting and chaos are spread")
    p.add_argument("--malformed", type=int, default=100, help="malformed records per topic")
    p.add_argument("--seed", type=int, default=random.randrange(1_000_000))
    p.add_argument("--no-postgres-restart", action="store_true")
    p.add_argument("--no-broker-restart", action="store_true")
    args = p.parse_args()
    server, restart, stop = database()
    if restart is None:
        print("PostgreSQL restart skipped: DATABASE_URL is set and RAQIB_CHAOS_PG_RESTART is not")
    cfg = Config(articles=args.articles, kills_per_service=args.kills, window_s=args.window,
                 malformed_per_topic=args.malformed, seed=args.seed,
                 restart_postgres=not args.no_postgres_restart and restart is not None,
                 restart_broker=not args.no_broker_restart)
    log_dir = Path(tempfile.mkdtemp(prefix="raqib-chaos-"))
    try:
        asyncio.run(run(cfg, server, log_dir, restart))
    except AssertionError as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
