from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared import auth

pytestmark = pytest.mark.db


async def test_keys_are_stored_hashed_with_scopes(session: AsyncSession) -> None:
    key = auth.new_key()
    await auth.register(session, key, "ci", ["read", "articles:write"])
    stored = (await session.execute(select(auth.api_keys.c.key_hash))).scalars().all()
    assert key not in stored and auth.hash_key(key) in stored
    assert await auth.scopes_for(session, key) == {"read", "articles:write"}
    assert await auth.scopes_for(session, "rk_unknown") is None


async def test_registering_twice_is_harmless_and_unknown_scopes_are_refused(session: AsyncSession) -> None:
    key = auth.new_key()
    await auth.register(session, key, "a", ["admin"])
    await auth.register(session, key, "b", ["read"])
    assert await auth.scopes_for(session, key) == {"admin"}
    with pytest.raises(ValueError, match="unknown scopes"):
        await auth.register(session, auth.new_key(), "x", ["root"])


async def test_a_valid_key_is_remembered_briefly_and_forgotten_on_revocation(session: AsyncSession) -> None:
    key = auth.new_key()
    await auth.register(session, key, "cached", ["read"])
    assert auth.cached_scopes(key) is None  # nothing remembered before a look-up
    assert await auth.scopes_for(session, key) == {"read"}
    assert auth.cached_scopes(key) == {"read"}
    await session.execute(auth.api_keys.update().where(auth.api_keys.c.key_hash == auth.hash_key(key))
                          .values(revoked_at=auth.func.now()))
    assert await auth.scopes_for(session, key) is None  # the database answers: revoked
    assert auth.cached_scopes(key) is None  # and the look-up dropped what was remembered
    await session.execute(auth.api_keys.update().where(auth.api_keys.c.key_hash == auth.hash_key(key))
                          .values(revoked_at=None))
    assert await auth.scopes_for(session, key) == {"read"}
    auth.forget()
    assert auth.cached_scopes(key) is None
