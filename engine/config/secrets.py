"""Secrets (API keys, cloud credentials) live in the OS keyring only: never in SQLite, settings or logs.

`keyring` picks the platform's store (Keychain, Windows Credential Locker, Secret Service / KWallet). An
environment variable can stand in where no keyring service runs (a server, CI).
"""

from __future__ import annotations

import logging
import os
import re

from engine.errors import ConfigError

log = logging.getLogger(__name__)

SERVICE = "interview-coach"
LLM_API_KEY_ENV = "INTERVIEW_COACH_LLM_API_KEY"


def _llm_account(url: str) -> str:
    return f"llm-api-key:{url.rstrip('/')}"


def _keyring_read(what: str, *accounts: str) -> tuple[str, ...] | None:
    """The values kept for `accounts` ("" for one not kept); None where no keyring service runs."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return tuple(keyring.get_password(SERVICE, account) or "" for account in accounts)
    except KeyringError as error:  # no service running: behave as if none was stored, and say why in the log
        log.warning("keyring unavailable, no %s read: %s", what, type(error).__name__)
        return None


def _keyring_write(values: dict[str, str], error_key: str) -> None:
    """Keep each account's value, or forget the account when it is empty. Raises ConfigError (`error_key`)
    without a working keyring."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        for account, value in values.items():
            if value:
                keyring.set_password(SERVICE, account, value)
            else:
                try:
                    keyring.delete_password(SERVICE, account)
                except PasswordDeleteError:
                    log.debug("no stored %s to forget", account)
    except KeyringError as error:
        raise ConfigError(error_key, detail=type(error).__name__) from error


def llm_api_key(url: str) -> str:
    """The API key for a model server: the environment variable, else the keyring, else ""."""
    key = os.environ.get(LLM_API_KEY_ENV, "")
    if not key:
        (key,) = _keyring_read("API key", _llm_account(url)) or ("",)
    redact_later(key)
    return key


def store_llm_api_key(url: str, key: str) -> None:
    """Keep (or, with an empty key, forget) the key for this server. Raises ConfigError if no keyring works."""
    _keyring_write({_llm_account(url): key}, "llm.keyring_unavailable")


# -- keeping secrets out of logs -------------------------------------------------------------------------
_REDACTED: set[str] = set()
_BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}")
MIN_SECRET_CHARS = 6  # shorter strings would blank out ordinary words


def redact_later(secret: str) -> None:
    """From now on, `secret` never appears in a log record (tokens, client secrets, API keys)."""
    if len(secret) >= MIN_SECRET_CHARS:
        _REDACTED.add(secret)


def scrub(text: str) -> str:
    for secret in tuple(_REDACTED):  # a copy: a token refresh on the loop may add one while a thread logs
        text = text.replace(secret, "[redacted]")
    return _BEARER.sub(r"\1[redacted]", text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with every known secret and bearer token replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


class RedactingFormatter(logging.Formatter):
    """Scrubs the whole formatted record, the traceback of a logged exception included."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


# -- RTZR client credentials -----------------------------------------------------------------------------
RTZR_CLIENT_ID_ENV = "INTERVIEW_COACH_RTZR_CLIENT_ID"
RTZR_CLIENT_SECRET_ENV = "INTERVIEW_COACH_RTZR_CLIENT_SECRET"
_RTZR_ID, _RTZR_SECRET = "rtzr-client-id", "rtzr-client-secret"


def rtzr_credentials() -> tuple[str, str]:
    """(client id, client secret): the environment variables, else the keyring, else empty strings."""
    client_id, secret = os.environ.get(RTZR_CLIENT_ID_ENV, ""), os.environ.get(RTZR_CLIENT_SECRET_ENV, "")
    if not (client_id and secret):
        client_id, secret = _keyring_read("RTZR credentials", _RTZR_ID, _RTZR_SECRET) or ("", "")
    redact_later(secret)
    return client_id, secret


def store_rtzr_credentials(client_id: str, secret: str) -> None:
    """Keep (or, when both are empty, forget) the RTZR client id and secret. Raises ConfigError without a
    working keyring."""
    _keyring_write({_RTZR_ID: client_id, _RTZR_SECRET: secret}, "stt.cloud.keyring_unavailable")
