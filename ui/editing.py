"""Who is editing: Streamlit's OIDC sign-in when [auth] is in secrets.toml, else local editor accounts under
[editors]; with neither, the app is read-only. Also where the report database is."""

from __future__ import annotations

import time
from collections.abc import Mapping

import streamlit as st

from analytics import auth, demo
from analytics.formatting import escape_markdown
from analytics.i18n import t
from analytics.statuses import sqlite_url
from ui import cached
from ui.settings import Settings


def secrets_section(name: str) -> Mapping:
    """A section of .streamlit/secrets.toml, or {} when there is no such file or section."""
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        value = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - a missing or unreadable secrets file means: not configured
        return {}
    return value if isinstance(value, Mapping) else {}


def database_url(settings: Settings) -> str:
    """In demo mode (DASHBOARD_DEMO=1) the demo SQLite file, whatever is configured; else [database] url in
    secrets, else $DATABASE_URL, else an SQLite file in the state folder."""
    if settings.example_data:
        return demo.database_url(settings.state_dir)
    return str(
        secrets_section("database").get("url")
        or settings.database_url
        or sqlite_url(settings.state_dir / "status.sqlite")
    )


def report_store(settings: Settings):
    """The server's report store; in demo mode the demo database, filled once with the example reports."""
    return cached.store(database_url(settings), settings.example_data, settings.data_dir)


def oidc_configured() -> bool:
    section = secrets_section("auth")
    return bool(section.get("client_id")) or any(
        isinstance(value, Mapping) and value.get("client_id") for value in section.values()
    )


def local_accounts() -> Mapping:
    return secrets_section("editors")


def editing_enabled() -> bool:
    return oidc_configured() or bool(local_accounts())


def current_editor() -> str | None:
    """The signed-in editor's name, or None (read-only)."""
    if oidc_configured() and st.user.is_logged_in:
        return str(st.user.get("name") or st.user.get("email") or "")
    return st.session_state.get("editor")


def current_role() -> str | None:
    """The signed-in user's role (auth.REPORTER or auth.PLAN_OWNER), or None when no one is signed in."""
    if not current_editor():
        return None
    if oidc_configured() and st.user.is_logged_in:
        return auth.mapped_role(secrets_section("roles"), str(st.user.get("email") or ""))
    return st.session_state.get("editor_role", auth.REPORTER)


def is_plan_owner() -> bool:
    return current_role() == auth.PLAN_OWNER


def sign_in(lang: str, settings: Settings) -> None:
    """The sign-in (or sign-out) controls; says how to enable editing when nothing is configured."""
    name = current_editor()
    if name:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(t("measures.signed_in", lang, name=escape_markdown(name)))
        if right.button(t("measures.sign_out", lang), key="sign_out"):
            st.session_state.pop("editor", None)
            st.session_state.pop("editor_role", None)
            if oidc_configured():
                st.logout()
            st.rerun()
        return
    if not editing_enabled():
        st.info(t("measures.read_only", lang))
        return
    if oidc_configured():
        if st.button(t("measures.sign_in", lang), key="sign_in_oidc", icon=":material/login:"):
            st.login()
        return
    with st.expander(t("measures.sign_in", lang), icon=":material/login:"):
        with st.form("sign_in_form", clear_on_submit=True):
            username = st.text_input(t("measures.username", lang), key="sign_in_user")
            password = st.text_input(t("measures.password", lang), type="password", key="sign_in_password")
            submitted = st.form_submit_button(t("measures.sign_in", lang))
        if submitted:
            attempt = auth.sign_in(
                cached.sign_in_throttles(settings.state_dir),
                local_accounts(),
                username,
                password,
                st.context.ip_address or "localhost",
                time.time(),
            )
            if attempt.editor:
                st.session_state["editor"] = attempt.editor
                st.session_state["editor_role"] = auth.account_role(local_accounts(), username)
                st.rerun()
            st.error(auth.refusal(attempt, lang))
