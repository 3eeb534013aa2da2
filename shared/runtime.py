"""What every service process opens in its lifespan and closes on shutdown, in one place:
engine, producer, topics, the bootstrap API key; and the supervision of background loops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from aiokafka import AIOKafkaProducer
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from shared import auth
from shared.db import make_engine, make_sessionmaker, unit_of_work
from shared.kafka import make_producer
from shared.settings import ServiceSettings
from shared.topics import ensure_topics

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: ServiceSettings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    producer: AIOKafkaProducer
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    failed: BaseException | None = None

    def spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        """Run a background loop; if it dies, the whole process stops loudly (a bug must not idle)."""
        task = asyncio.create_task(coro, name=name)
        task.add_done_callback(self._on_done)
        self.tasks.append(task)

    def _on_done(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        self.failed = task.exception()
        log.critical("background task crashed; shutting down", exc_info=self.failed,
                     extra={"task": task.get_name()})
        os.kill(os.getpid(), signal.SIGTERM)

    async def wait_tasks(self, timeout: float = 30.0) -> None:
        if self.tasks:
            _, pending = await asyncio.wait(self.tasks, timeout=timeout)
            for task in pending:
                task.cancel()


async def open_runtime(settings: ServiceSettings) -> Runtime:
    engine = make_engine(settings.database_url)
    sessions = make_sessionmaker(engine)
    await ensure_topics(settings.kafka_bootstrap, settings.topic_partitions, settings.topic_replication_factor)
    producer = make_producer(settings.kafka_bootstrap, settings.kafka_idempotence)
    await producer.start()
    if settings.bootstrap_api_key is not None:
        async with unit_of_work(sessions) as session:
            await auth.register(session, settings.bootstrap_api_key.get_secret_value(), "bootstrap",
                                [auth.ADMIN])
    return Runtime(settings, engine, sessions, producer)


async def close_runtime(rt: Runtime) -> None:
    await rt.wait_tasks()
    await rt.producer.stop()
    await rt.engine.dispose()


class _Server(uvicorn.Server):
    """uvicorn re-raises SIGTERM after a graceful shutdown, so every stop looks like a kill (-15). We
    have drained and committed by then: exit 0, and keep non-zero exits for real failures.
    It also marks the app as draining the moment a signal arrives, so long-lived responses (SSE) end
    and let the graceful shutdown proceed."""

    def __init__(self, config: uvicorn.Config, app: Any) -> None:
        super().__init__(config)
        self.app = app

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.app.state.draining = True
        super().handle_exit(sig, frame)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        with super().capture_signals():
            yield
            self._captured_signals.clear()


def serve(app: Any, settings: ServiceSettings) -> int:
    """Run the app until SIGTERM/SIGINT; exit non-zero if a background loop crashed it."""
    # uvloop and httptools (uvicorn[standard]; "auto" would fall back to asyncio and h11 without a word if they were
    # missing); no access log: our request metrics count every request, and its logger.info per request was work
    # for a record the level drops (shared.logs keeps uvicorn.access at WARNING)
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_config=None, loop="uvloop",
                            http="httptools", access_log=False, timeout_graceful_shutdown=20, proxy_headers=False)
    app.state.draining = False
    _Server(config, app).run()
    runtime: Runtime | None = getattr(app.state, "runtime", None)
    return 1 if runtime is not None and runtime.failed is not None else 0
