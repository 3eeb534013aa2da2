"""Build hook for the one compiled module, services.enrich._scan (services/enrich/native/); metadata is in
pyproject.toml.

The module is optional: the engine runs its Python reference path without it, with identical output
(services/enrich/backend.py). If it cannot be built (no C compiler, no Python headers) the installation
goes on without it, with a warning, and an earlier in-place build is removed so a stale one never runs.
"""

import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import BaseError, CCompilerError

NATIVE = Path("services/enrich/native")
# a compiler that fails or is missing (CompileError, LinkError, ExecError, PlatformError), or cannot start
_BUILD_ERRORS = (BaseError, CCompilerError, OSError)


class OptionalBuildExt(build_ext):
    def run(self) -> None:
        try:
            super().run()
        except _BUILD_ERRORS as exc:  # no compiler, no headers (before any extension is tried)
            self._skipped(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except _BUILD_ERRORS as exc:  # the compiler missing or failing
            self._skipped(exc, ext)

    def _skipped(self, exc: BaseException, ext: Extension | None = None) -> None:
        for e in [ext] if ext is not None else self.extensions:
            stale = Path(self.get_ext_fullpath(e.name))
            if self.inplace and stale.exists():
                stale.unlink()
        bar = "=" * 78
        print(f"\n{bar}\nWARNING: the compiled part of the enrichment engine (services.enrich._scan) was not\n"
              f"built: {type(exc).__name__}: {exc}\nRaqib is installed without it and runs the engine's Python "
              f"reference path\n(identical output, several times slower). Install a C compiler and the Python "
              f"headers,\nthen reinstall, to build it.\n{bar}\n", file=sys.stderr, flush=True)


setup(
    ext_modules=[
        Extension(
            "services.enrich._scan",
            sorted(str(p) for p in NATIVE.glob("*.c")),
            depends=[str(p) for p in NATIVE.glob("*.h")],
            extra_compile_args=["-O2", "-std=c11", "-Wall", "-Wextra", "-Wno-unused-parameter",
                                "-Wno-missing-field-initializers"],
        )
    ],
    cmdclass={"build_ext": OptionalBuildExt},
)
