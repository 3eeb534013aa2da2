"""Near-duplicates, pure: the same story syndicated under another URL or lightly edited.

A text's word 3-shingles (folded: NFKC, case, punctuation, Arabic diacritics and tatweel) get a MinHash
signature (datasketch, NUM_PERM permutations); LSH cuts it into BANDS bands of ROWS values each, and
articles sharing any band are candidates (stored in `ingest.minhash_bands`, found by index). A candidate is
a near-duplicate when the signatures agree on at least THRESHOLD of their values (an estimate of the
Jaccard similarity of the shingle sets). With 32 bands of 4, a pair at similarity 0.5 is a candidate with
probability 0.87 (0.6: 0.99), one at 0.2 with 0.05. Why MinHash over SimHash: its estimate is a Jaccard similarity whose
threshold reads plainly, and datasketch is maintained (the `simhash` package last released in 2022)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS, ROWS = 32, 4
THRESHOLD = 0.5
SHINGLE = 3
# Below this a text is compared exactly only: two short bulletins differ by a name or a number (another camp,
# another day), which is the news, and which shingles cannot weigh.
MIN_WORDS = 40
_WORD = re.compile(r"\w+")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SEED = 11

assert BANDS * ROWS == NUM_PERM


def words(text: str) -> list[str]:
    folded = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text).casefold())
    return _WORD.findall(folded)


def signature(text: str) -> np.ndarray | None:
    """-> the MinHash signature (uint32 x NUM_PERM) of the text's shingles; None for a text too short."""
    w = words(text)
    if len(w) < MIN_WORDS:
        return None
    shingles = {" ".join(w[i:i + SHINGLE]).encode() for i in range(len(w) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch(list(shingles))
    return np.asarray(m.hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    """-> (band number, signed 64-bit hash of the band's values) for each band."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    return [(b, int.from_bytes(hashlib.blake2b(raw[b * width:(b + 1) * width], digest_size=8).digest(),
                                "little", signed=True)) for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if a.shape != b.shape:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)
