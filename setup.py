"""Build hook for the one compiled module, services.enrich._scan (services/enrich/native/); metadata is in
pyproject.toml."""

from pathlib import Path

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "services.enrich._scan",
            sorted(str(p) for p in Path("services/enrich/native").glob("*.c")),
            depends=[str(p) for p in Path("services/enrich/native").glob("*.h")],
            extra_compile_args=["-O2", "-std=c11", "-Wall", "-Wextra", "-Wno-unused-parameter",
                                "-Wno-missing-field-initializers"],
        )
    ]
)
