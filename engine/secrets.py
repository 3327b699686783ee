"""Secrets (API keys, cloud credentials) live in the OS keyring only: never in SQLite, settings or logs.

`keyring` picks the platform's store (Keychain, Windows Credential Locker, Secret Service / KWallet). An
environment variable can stand in where no keyring service runs (a server, CI).
"""

from __future__ import annotations

import logging
import os

from engine.errors import ConfigError

log = logging.getLogger(__name__)

SERVICE = "interview-coach"
LLM_API_KEY_ENV = "INTERVIEW_COACH_LLM_API_KEY"


def _llm_account(url: str) -> str:
    return f"llm-api-key:{url.rstrip('/')}"


def llm_api_key(url: str) -> str:
    """The API key for a model server: the environment variable, else the keyring, else ""."""
    if value := os.environ.get(LLM_API_KEY_ENV):
        return value
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _llm_account(url)) or ""
    except KeyringError as error:  # no service running: behave as if none was stored, and say why in the log
        log.warning("keyring unavailable, no API key read: %s", type(error).__name__)
        return ""


def store_llm_api_key(url: str, key: str) -> None:
    """Keep (or, with an empty key, forget) the key for this server. Raises ConfigError if no keyring works."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if key:
            keyring.set_password(SERVICE, _llm_account(url), key)
        else:
            try:
                keyring.delete_password(SERVICE, _llm_account(url))
            except PasswordDeleteError:
                log.debug("no stored key to forget for %s", url)
    except KeyringError as error:
        raise ConfigError("llm.keyring_unavailable", detail=type(error).__name__) from error
