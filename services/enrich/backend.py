"""Which implementation runs the engine's hot path: the compiled extension or its Python specification.

The compiled part (`services.enrich._scan`, built from native/ by setup.py) is optional: an install without a
C compiler has no `_scan`, and `RAQIB_ENRICH_PURE=1` asks for the Python path although it is there. Both
paths give byte-identical annotations (tests/unit/test_enrich_pure.py). The entry points read the setting
(services/enrich/settings.py) once and call `select(pure=...)`; nothing else reads the environment.

scanner.py, resolve.longest, normalize's folds and output's model makers ask on each call (`compiled()`, or
`PATH.native` in the hottest ones), so the tests can run one process both ways. Without a `select` call (a
library user, a bench script) the compiled path runs when it was built.
"""

from __future__ import annotations

from types import ModuleType

# The one import-time fallback, and the only place that imports the extension: whether it was built is
# known only by trying (setup.py leaves it out, with a warning, when the compiler fails).
NATIVE: ModuleType | None
"""The compiled extension if it was built, else None."""
try:
    from services.enrich import _scan as NATIVE
except ImportError:
    NATIVE = None


class InUse:
    """The path in use; the hottest callers (normalize's folds, output's makers, ~1,500 calls an article) read
    PATH.native instead of calling compiled()."""

    native: ModuleType | None = NATIVE


PATH = InUse()


def select(*, pure: bool) -> None:
    """Run the Python reference path (pure) or the compiled one; compiled falls back to pure when not built."""
    PATH.native = None if pure else NATIVE


def compiled() -> ModuleType | None:
    """The compiled extension when the engine runs it, None when it runs the Python path."""
    return PATH.native


def describe() -> str:
    if PATH.native is not None:
        return "compiled"
    return "pure (requested)" if NATIVE is not None else "pure (the compiled part was not built)"
