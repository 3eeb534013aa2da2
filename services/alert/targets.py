"""Moved to `shared/targets.py` (ingest fetches feeds and pages under the same SSRF rules); re-exported here."""

from shared.targets import (  # noqa: F401
    DNS_TIMEOUT_S,
    MAX_URL_LENGTH,
    IPAddress,
    UnsafeTarget,
    check_target,
    forbidden,
    pinned,
    validate_url,
)
