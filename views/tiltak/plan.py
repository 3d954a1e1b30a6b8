"""Tiltak's handlingsplan blocks: write, change, adopt and retire a measure (plan owners), its revision history
(everyone), and the plan out to Excel and back in (download for everyone, upload for plan owners)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics import plan
from analytics.bundle import MEASURE_KINDS
from analytics.formatting import escape_markdown
from analytics.i18n import in_language, t
from analytics.statuses import PlanChange, PlanConflict, StoreError
from ui import editing, widgets
from views.tiltak import blocks

NEW = "__new__"
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan_excel():
    from analytics import plan_excel  # noqa: PLC0415 - openpyxl loads on the first download or upload

    return plan_excel


def _key(field: str) -> str:
    return f"plan_f_{field}"


def _oslo(moment) -> str:
    return pd.Timestamp(moment).tz_convert("Europe/Oslo").strftime("%d.%m.%Y %H:%M") if pd.notna(moment) else ""


def intro(ctx, frame: pd.DataFrame) -> None:
    """The section's heading, what it is, and how many drafts only signed-in users see."""
    st.header(t("plan.title", ctx.lang), anchor="handlingsplanen")
    st.caption(t("plan.intro", ctx.lang))
    drafts = int((frame["state"] == "utkast").sum())
    if drafts:
        st.caption(t("plan.drafts_note", ctx.lang, n=drafts))
    if editing.current_editor() and not editing.is_plan_owner():
        st.info(t("plan.reporter_only", ctx.lang))


def _fill_form(content: dict, measure_id: str) -> None:
    """Put a measure's values into the form's widgets (before they are drawn)."""
    typed = plan._typed(content)
    for field in plan.FIELDS:
        value = typed[field]
        if field == "sdgs":
            value = list(value)
        elif field in plan.OPTIONAL_IDS:
            value = value or ""
        st.session_state[_key(field)] = value
    st.session_state[_key("id")] = "" if measure_id == NEW else measure_id


def _form_content(previous: dict) -> dict:
    """The form's values as revision content (the source id, not in the form, is carried over)."""
    values = {field: st.session_state.get(_key(field)) for field in plan.FIELDS}
    values["source"] = previous.get("source")
    return plan.content_of(values)


def editor(ctx, store, frame: pd.DataFrame, goal_labels: dict) -> None:
    """Create, change, adopt or retire a measure (plan owners only); a save names the revision it started from."""
    if not editing.is_plan_owner():
        return
    lang = ctx.lang
    st.subheader(t("plan.edit", lang), anchor=False)
    done = st.session_state.pop("plan_saved", None)
    if done:
        st.success(done)
    titles = dict(zip(frame["id"], in_language(frame, "title", lang), strict=True))
    if st.session_state.get("plan_choice_next") in titles:  # a measure just created: show it (set before drawing)
        st.session_state["plan_choice"] = st.session_state.pop("plan_choice_next")
    choice = st.selectbox(
        t("plan.choose", lang),
        [NEW, *titles],
        format_func=lambda i: t("plan.new", lang) if i == NEW else f"{titles[i]} ({i})",
        key="plan_choice",
    )
    rows = frame.set_index("id", drop=False)
    blank = {"state": "utkast", "kind": "tiltak"}
    current = plan.content_of(rows.loc[choice] if choice != NEW else blank)
    revision = int(rows.loc[choice, "revision"]) if choice != NEW else 0
    # a newly chosen measure (or a form Streamlit forgot after a visit to another view) starts from the newest
    if st.session_state.get("plan_loaded") != choice or _key("kind") not in st.session_state:
        _fill_form(current, choice)
        st.session_state["plan_loaded"], st.session_state["plan_based_on"] = choice, revision
        st.session_state["plan_base_content"] = current
    based_on = st.session_state["plan_based_on"]
    if choice != NEW:
        who = rows.loc[choice, "changed_by"]
        st.caption(
            t("plan.based_on", lang, revision=based_on, who=escape_markdown(who))
            if based_on
            else t("plan.based_on_shipped", lang)
        )
    with st.form("plan_form", clear_on_submit=False, enter_to_submit=False):
        _form_fields(ctx, goal_labels, new=choice == NEW)
        submitted = st.form_submit_button(t("plan.save", lang), type="primary")
    if submitted:
        _save(ctx, store, frame, choice, based_on, current)
    conflict = st.session_state.get("plan_conflict")
    if conflict and conflict[0] == choice:
        _show_conflict(ctx, conflict[1], conflict[2], current)


def _form_fields(ctx, goal_labels: dict, new: bool) -> None:
    """The form's three parts: what the measure is, its indicator, its decision."""
    _what_fields(ctx.lang, goal_labels, new)
    _indicator_fields(ctx.lang)
    _decision_fields(ctx.lang, ctx.sources)


def _what_fields(lang: str, goal_labels: dict, new: bool) -> None:
    label = lambda field: plan.field_label(field, lang)  # noqa: E731 - a short alias inside one function
    st.markdown(f"**{t('plan.section.what', lang)}**")
    if new:
        st.text_input(t("plan.id", lang), key=_key("id"), max_chars=100)
    left, right = st.columns(2)
    left.selectbox(
        label("goal_area_id"),
        ["", *goal_labels],
        format_func=lambda g: goal_labels.get(g) or t("plan.no_goal_area", lang),
        key=_key("goal_area_id"),
    )
    right.selectbox(label("kind"), MEASURE_KINDS, format_func=lambda k: t(f"kind.{k}", lang), key=_key("kind"))
    left.text_input(label("title_nb"), key=_key("title_nb"))
    right.text_input(label("title_en"), key=_key("title_en"))
    left.text_area(label("description_nb"), key=_key("description_nb"), height=100)
    right.text_area(label("description_en"), key=_key("description_en"), height=100)
    c1, c2, c3, c4 = st.columns(4)
    c1.text_input(label("responsible"), key=_key("responsible"))
    c2.text_input(label("plan_period"), key=_key("plan_period"), placeholder="2025–2026")
    for column, field in ((c3, "start"), (c4, "due")):
        column.date_input(label(field), key=_key(field), min_value=FIRST_DAY, max_value=LAST_DAY, format="DD.MM.YYYY")
    st.multiselect(label("sdgs"), list(range(1, 18)), key=_key("sdgs"), placeholder=t("plan.none", lang))


def _indicator_fields(lang: str) -> None:
    label = lambda field: plan.field_label(field, lang)  # noqa: E731 - a short alias inside one function
    st.markdown(f"**{t('plan.section.indicator', lang)}**")
    i1, i2, i3 = st.columns(3)
    i1.text_input(label("indicator_unit"), key=_key("indicator_unit"), placeholder="antall")
    i1.selectbox(
        label("indicator_direction"),
        ["", *plan.DIRECTIONS],
        format_func=lambda d: t(f"plan.direction.{d}", lang) if d else t("plan.none", lang),
        key=_key("indicator_direction"),
    )
    for column, number, year in (
        (i2, "indicator_baseline", "indicator_baseline_year"),
        (i3, "indicator_target", "indicator_target_year"),
    ):
        column.number_input(label(number), key=_key(number), value=None, format="%g")
        column.number_input(label(year), key=_key(year), value=None, min_value=1900, max_value=2100, step=1)


def _decision_fields(lang: str, sources: pd.DataFrame) -> None:
    label = lambda field: plan.field_label(field, lang)  # noqa: E731 - a short alias inside one function
    st.markdown(f"**{t('plan.section.decision', lang)}**")
    d1, d2, d3, d4, d5 = st.columns(5)
    d1.selectbox(label("state"), plan.STATES, format_func=lambda s: t(f"plan.state.{s}", lang), key=_key("state"))
    d2.text_input(label("decision_organ"), key=_key("decision_organ"), placeholder="Bystyret")
    d3.date_input(
        label("decision_date"), key=_key("decision_date"), min_value=FIRST_DAY, max_value=LAST_DAY,
        format="DD.MM.YYYY",
    )  # fmt: skip
    d4.text_input(label("decision_case"), key=_key("decision_case"), placeholder="sak 87/19")
    d5.selectbox(
        label("decision_source"),
        ["", *sources["id"]],
        format_func=lambda s: s or t("plan.none", lang),
        key=_key("decision_source"),
    )


def _save(ctx, store, frame: pd.DataFrame, choice: str, based_on: int, current: dict) -> None:
    lang = ctx.lang
    measure_id = (st.session_state.get(_key("id")) or "").strip() if choice == NEW else choice
    content = _form_content(current if choice != NEW else {})
    found = plan.problems(measure_id, content, ctx.bundle.goal_areas["id"], ctx.sources["id"], lang)
    if choice == NEW and measure_id in set(frame["id"]) | set(ctx.bundle.measures["id"]):
        found.append(("id", t("plan.id_taken", lang, id=measure_id)))
    if found:
        labels = {**{f: plan.field_label(f, lang) for f in plan.FIELDS}, "id": t("plan.id", lang)}
        listed = "\n".join(f"- {labels[f]}: {escape_markdown(m)}" for f, m in found)  # the messages quote values
        st.error(t("plan.problems", lang) + "\n\n" + listed)
        return
    if choice != NEW and content == current and based_on == int(frame.set_index("id").loc[choice, "revision"]):
        st.info(t("plan.unchanged", lang))
        return
    change = PlanChange(ctx.bundle.id, measure_id, based_on, content, editing.current_editor())
    try:
        store.add_plan_changes([change])
    except PlanConflict as conflict:
        st.session_state["plan_conflict"] = (choice, conflict, content)
        return
    except StoreError as err:
        st.error(escape_markdown(str(err)))
        return
    st.session_state.pop("plan_conflict", None)
    title = escape_markdown(content["title_nb"])
    st.session_state["plan_saved"] = t("plan.saved", lang, revision=based_on + 1, title=title)
    st.session_state.pop("plan_loaded", None)
    if choice == NEW:
        st.session_state["plan_choice_next"] = measure_id
    st.rerun()


def _show_conflict(ctx, conflict: PlanConflict, yours: dict, newest: dict) -> None:
    """The refusal, naming who changed what meanwhile, and the editor's own proposal beside the newest version."""
    lang = ctx.lang
    st.error(escape_markdown(plan.conflict_message(conflict, st.session_state.get("plan_base_content"), lang)))
    rows = [
        {
            t("plan.col.field", lang): plan.field_label(field, lang),
            t("plan.col.yours", lang): plan.display_value(field, mine, lang),
            t("plan.col.newest", lang): plan.display_value(field, theirs, lang),
        }
        for field, theirs, mine in plan.changed_fields(newest, yours)
    ]
    st.markdown(t("plan.yours", lang))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    if st.button(t("plan.reload", lang), key="plan_reload"):
        for key in ("plan_conflict", "plan_loaded"):
            st.session_state.pop(key, None)
        st.rerun()


def history(ctx, measures: pd.DataFrame, revisions: pd.DataFrame, measure_id: str, title: str) -> None:
    """Who changed what, when, from what to what, for one measure (newest first), as a plain table."""
    lang = ctx.lang
    st.subheader(t("plan.history", lang, title=escape_markdown(title)), anchor=False)
    changes = plan.history(measures, revisions, measure_id, lang)
    if changes.empty:
        st.caption(t("plan.history_none", lang, title=escape_markdown(title)))
        return
    table = pd.DataFrame(
        {
            t("plan.col.revision", lang): changes["revision"],
            t("plan.col.when", lang): changes["changed_at"].map(_oslo),
            t("plan.col.who", lang): changes["changed_by"],
            t("plan.col.field", lang): changes["field"],
            t("plan.col.from", lang): changes["from"],
            t("plan.col.to", lang): changes["to"],
        }
    )
    with st.container(key="plan_history"):  # every row drawn (no inner scrolling), up to 30 rows
        st.dataframe(table, hide_index=True, width="stretch", height=widgets.full_height(table.head(30)))
    st.caption(t("plan.history_source", lang))


def excel_tools(ctx, store, frame: pd.DataFrame) -> None:
    """The plan as Excel for everyone (drafts only for the signed-in); the upload, its preview and the
    all-or-nothing save for plan owners."""
    lang, bundle = ctx.lang, ctx.bundle
    st.subheader(t("plan.excel", lang), anchor=False)
    st.download_button(
        t("plan.download", lang),
        lambda: _plan_excel().workbook(frame, bundle.goal_areas["id"], ctx.sources["id"], bundle.organisation["name"]),
        file_name=f"{bundle.id}-handlingsplan.xlsx",
        mime=XLSX,
        key="plan_download",
        icon=":material/download:",
    )
    if editing.is_plan_owner():
        _upload(ctx, store, frame)


def _upload(ctx, store, frame: pd.DataFrame) -> None:
    """A filled-in plan workbook: its errors, or a preview of its changes and a button that saves them all."""
    lang, bundle = ctx.lang, ctx.bundle
    done = st.session_state.pop("plan_upload_saved", None)
    if done:
        st.success(done)
    round_ = st.session_state.setdefault("plan_upload_round", 0)
    uploaded = st.file_uploader(
        t("plan.upload", lang), type=["xlsx"], key=f"plan_upload_{round_}", help=t("plan.upload_help", lang)
    )
    if uploaded is None:
        return
    content = uploaded.getvalue()
    upload = _plan_excel().read_upload(
        content,
        uploaded.name,
        frame,
        bundle.goal_areas["id"],
        ctx.sources["id"],
        bundle.id,
        editing.current_editor(),
    )
    if upload.errors:
        blocks.upload_errors(t("plan.upload_errors", lang, n=len(upload.errors)), upload.errors)
        return
    if not upload.changes:
        st.info(t("plan.upload_nothing", lang))
        return
    _preview(lang, upload, frame)
    if st.button(t("plan.upload_confirm", lang, n=len(upload.changes)), type="primary", key="plan_upload_save"):
        _save_upload(lang, store, upload.changes, _plan_excel().upload_batch(content), round_)


def _save_upload(lang: str, store, changes: list, batch: str, round_: int) -> None:
    """Save an upload's changes all or nothing; on success a fresh uploader and the form reloaded."""
    try:
        written = store.add_plan_changes(changes, batch=batch)
    except PlanConflict as conflict:
        st.error(t("plan.upload_conflict", lang, message=escape_markdown(str(conflict))))
        return
    except StoreError as err:
        st.error(escape_markdown(str(err)))
        return
    st.session_state["plan_upload_saved"] = t("plan.upload_saved", lang, n=written)
    st.session_state["plan_upload_round"] = round_ + 1
    st.session_state.pop("plan_loaded", None)
    st.rerun()


def _preview(lang: str, upload, frame: pd.DataFrame) -> None:
    preview = _plan_excel().preview(upload.changes, frame.set_index("id", drop=False), lang)
    kinds = preview["Endring"]
    st.markdown(
        t(
            "plan.upload_preview",
            lang,
            new=int((kinds == "ny").sum()),
            changed=int((kinds == "endret").sum()),
            retired=int(kinds.isin(plan.RETIRED).sum()),
        )
    )
    if upload.untouched:
        st.caption(t("plan.upload_untouched", lang, n=upload.untouched))
    shown = pd.DataFrame(
        {
            t("plan.col.change", lang): kinds.map(lambda k: t(f"plan.change.{k}", lang)),
            "Id": preview["Tiltak-id"],
            t("plan.col.title", lang): preview["Tittel"],
            t("plan.col.fields", lang): preview["Felt"],
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
