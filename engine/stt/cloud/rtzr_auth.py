"""RTZR access tokens: fetched from the authenticate endpoint, cached, refreshed before they expire.

Tokens last about six hours; one is fetched when first needed and again when less than REFRESH_MARGIN_S
is left, or when the streaming endpoint rejects it. Concurrent callers share one fetch. The token and the
secret never reach a log (engine.config.secrets redacts them).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from engine.config.secrets import redact_later
from engine.stt.cloud.connection import Retry, StreamFailure

log = logging.getLogger(__name__)

REFRESH_MARGIN_S = 600.0  # refresh with ten minutes left: an answer never starts on a token about to lapse
TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: float  # epoch seconds


class TokenCache:
    def __init__(
        self,
        auth_url: str,
        client_id: str,
        client_secret: str,
        *,
        clock: Callable[[], float] = time.time,
        load_credentials: Callable[[], tuple[str, str]] | None = None,
    ) -> None:
        self._url = auth_url
        self._id = client_id
        self._secret = client_secret
        self._clock = clock
        self._load = load_credentials  # the keyring, read on a worker thread when first needed
        self._token: Token | None = None
        self._lock = asyncio.Lock()
        redact_later(client_secret)

    def invalidate(self, value: str) -> None:
        """The stream endpoint rejected `value`: the next call fetches a new one."""
        if self._token is not None and self._token.value == value:
            self._token = None

    async def token(self, http: httpx.AsyncClient) -> str:
        async with self._lock:
            token = self._token
            if token is None or token.expires_at - self._clock() < REFRESH_MARGIN_S:
                token = self._token = await self._fetch(http)
            return token.value

    async def _fetch(self, http: httpx.AsyncClient) -> Token:
        if (not self._id or not self._secret) and self._load is not None:
            # Off the loop: a keyring service (D-Bus, Keychain) may take a while to answer.
            self._id, self._secret = await asyncio.to_thread(self._load)
            redact_later(self._secret)
        if not self._id or not self._secret:
            raise StreamFailure(Retry.NEVER, "stt.rtzr.no_credentials")
        try:
            reply = await http.post(
                self._url, data={"client_id": self._id, "client_secret": self._secret}, timeout=TIMEOUT_S
            )
        except httpx.TransportError as error:  # a timeout, refused, DNS, reset
            raise StreamFailure(Retry.BACKOFF, "stt.cloud.unreachable", network=True, provider="RTZR") from error
        if reply.status_code in (400, 401, 403):
            raise StreamFailure(Retry.NEVER, "stt.rtzr.bad_credentials")
        if reply.status_code == 429:
            raise StreamFailure(Retry.BACKOFF, "stt.cloud.rate_limited", provider="RTZR")
        if reply.status_code >= 400:
            raise StreamFailure(
                Retry.BACKOFF, "stt.cloud.server_error", provider="RTZR", detail=f"HTTP {reply.status_code}"
            )
        try:
            body = reply.json()
            token = Token(str(body["access_token"]), float(body["expire_at"]))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise StreamFailure(Retry.BACKOFF, "stt.rtzr.bad_reply", detail="authenticate") from error
        redact_later(token.value)
        log.info("RTZR token fetched; valid for %.0f s", token.expires_at - self._clock())
        return token
