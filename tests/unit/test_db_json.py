"""The json/jsonb columns' serialiser (orjson, json.dumps as the fallback): what it writes reads back as what
json.dumps would have stored, for every kind of value the services store."""

from __future__ import annotations

import json
from typing import Any

import pytest

from shared.db import json_dumps, json_loads

VALUES: list[Any] = [
    {"a": 1, "b": [1, 2.5, None, True, False], "nested": {"x": {"y": []}}},
    {"ar": "سجن غويران", "ctl": "\x01\x1f", "line": "a\u2028b", "emoji": "\U0001f600"},
    {7: "int key", 2.5: "float key", None: "null key", True: "bool key"},
    2**70,  # over 64 bits: orjson refuses it, json.dumps writes it
    [1e308, -0.0, 123456789],
    ("tuple", "as", "array"),
]


@pytest.mark.parametrize("value", VALUES)
def test_reads_back_as_json_dumps_would_have_stored(value: Any) -> None:
    text = json_dumps(value)
    assert isinstance(text, str)
    assert json_loads(text) == json.loads(json.dumps(value))


def test_a_value_json_cannot_write_is_refused_as_before() -> None:
    with pytest.raises(TypeError):
        json_dumps({"when": object()})
