"""The cloud providers of one app run: built from settings and the environment, shared by every answer.

Every endpoint is a setting and an environment variable (the variable wins, so tests, proxies and
on-premises deployments can point the app elsewhere without touching settings). Credentials come from the
keyring or the environment, never from settings files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.config.secrets import rtzr_credentials
from engine.stt.cloud.health import CloudHealth, HealthSnapshot

if TYPE_CHECKING:  # each client is imported on its first use: most runs use no cloud provider at all
    from engine.stt.cloud.google import GoogleOptions, GoogleProvider
    from engine.stt.cloud.rtzr import RtzrOptions, RtzrProvider

GOOGLE_ENDPOINT_ENV = "INTERVIEW_COACH_GOOGLE_ENDPOINT"
RTZR_AUTH_URL_ENV = "INTERVIEW_COACH_RTZR_AUTH_URL"
RTZR_STREAM_URL_ENV = "INTERVIEW_COACH_RTZR_STREAM_URL"


@dataclass(frozen=True)
class CloudSettings:
    """What the user set ("" = the provider's public endpoint)."""

    @classmethod
    def of(cls, prefs: object) -> CloudSettings:
        """From the app's Preferences (any object with the same field names)."""
        return cls(**{f: getattr(prefs, f) for f in cls.__dataclass_fields__})

    google_endpoint: str = ""
    google_credentials_file: str = ""  # a path to the user's key file; the key itself is never copied
    rtzr_auth_url: str = ""
    rtzr_stream_url: str = ""

    def google(self) -> GoogleOptions:
        from engine.stt.cloud.google import DEFAULT_ENDPOINT, GoogleOptions

        endpoint = os.environ.get(GOOGLE_ENDPOINT_ENV) or self.google_endpoint or DEFAULT_ENDPOINT
        return GoogleOptions(endpoint=endpoint, credentials_file=self.google_credentials_file)

    def rtzr(self) -> RtzrOptions:
        from engine.stt.cloud.rtzr import DEFAULT_AUTH_URL, DEFAULT_STREAM_URL, RtzrOptions

        return RtzrOptions(
            auth_url=os.environ.get(RTZR_AUTH_URL_ENV) or self.rtzr_auth_url or DEFAULT_AUTH_URL,
            stream_url=os.environ.get(RTZR_STREAM_URL_ENV) or self.rtzr_stream_url or DEFAULT_STREAM_URL,
            load_credentials=rtzr_credentials,  # read off the loop, at the first sign-in
        )


class CloudProviders:
    """Created once per app run; providers are built on first use and closed by `aclose()`."""

    def __init__(
        self,
        settings: CloudSettings | None = None,
        on_health: Callable[[HealthSnapshot], None] | None = None,
    ) -> None:
        self.settings = settings or CloudSettings()
        self._on_health = on_health
        self._google: GoogleProvider | None = None
        self._rtzr: RtzrProvider | None = None

    def google(self) -> GoogleProvider:
        if self._google is None:
            from engine.stt.cloud.google import GoogleProvider

            self._google = GoogleProvider(self.settings.google())
            self._watch(self._google.health)
        return self._google

    def rtzr(self) -> RtzrProvider:
        if self._rtzr is None:
            from engine.stt.cloud.rtzr import RtzrProvider

            self._rtzr = RtzrProvider(self.settings.rtzr())
            self._watch(self._rtzr.health)
        return self._rtzr

    def _watch(self, health: CloudHealth) -> None:
        if self._on_health is not None:
            health.subscribe(self._on_health)
            self._on_health(health.snapshot())

    async def reconfigure(self, settings: CloudSettings) -> None:
        """New settings or credentials: the next answer connects afresh (health figures start over)."""
        await self.aclose()
        self.settings = settings

    async def aclose(self) -> None:
        google, rtzr, self._google, self._rtzr = self._google, self._rtzr, None, None
        if google is not None:
            await google.aclose()
        if rtzr is not None:
            await rtzr.aclose()
