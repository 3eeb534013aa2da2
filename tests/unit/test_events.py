from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.errors import InvalidMessage
from shared.events import ArticleEnriched, ArticleReceived, decode, encode


def received() -> ArticleReceived:
    return ArticleReceived(article_id="art_1", text="نص", received_at=datetime(2025, 1, 1, tzinfo=UTC))


def test_roundtrip_as_binary_mode_cloudevent() -> None:
    key, value, headers = encode(received(), "/raqib/ingest")
    h = dict(headers)
    assert key == b"art_1"
    assert h["ce_specversion"] == b"1.0" and h["ce_type"] == b"org.raqib.article.received.v1"
    assert h["ce_source"] == b"/raqib/ingest" and h["content-type"] == b"application/json"
    assert h["ce_id"] and h["ce_time"]
    assert decode(value, headers, ArticleReceived) == received()


def test_wrong_type_missing_headers_and_bad_json_are_invalid() -> None:
    _, value, headers = encode(received(), "/x")
    with pytest.raises(InvalidMessage, match="ce_type"):
        decode(value, headers, ArticleEnriched)
    with pytest.raises(InvalidMessage, match="ce_specversion"):
        decode(value, [], ArticleReceived)
    with pytest.raises(InvalidMessage, match="invalid ArticleReceived"):
        decode(b"{not json", headers, ArticleReceived)
    with pytest.raises(InvalidMessage, match="invalid ArticleReceived"):
        decode(value.replace(b'"text"', b'"txt"'), headers, ArticleReceived)
    with pytest.raises(InvalidMessage, match="empty"):
        decode(None, headers, ArticleReceived)


def test_models_are_strict() -> None:
    with pytest.raises(ValueError):
        ArticleReceived.model_validate({"article_id": "a", "text": "t", "received_at": "2025-01-01T00:00:00Z",
                                        "surprise": 1})
    with pytest.raises(ValueError):  # naive datetimes are refused: times on the wire carry their zone
        ArticleReceived.model_validate({"article_id": "a", "text": "t", "received_at": "2025-01-01T00:00:00"})


def test_a_header_without_a_value_or_undecodable_bytes_are_invalid_messages_not_crashes() -> None:
    ce = [("ce_specversion", b"1.0"), ("ce_type", ArticleReceived.ce_type.encode())]
    for value, headers in [(b"{}", [("ce_specversion", None), *ce[1:]]), (b"{}", None),
                           (b"\xff\xfe\x00{", ce), (b'{"text": "\xc3"}', [*ce, ("x", None)])]:
        with pytest.raises(InvalidMessage):
            decode(value, headers, ArticleReceived)
