"""Shared widgets: the playable year control, the map legend, a partner's profile."""

from __future__ import annotations

import datetime as dt
import time

import pandas as pd
import streamlit as st

from analytics import charts, excel, networks, palette, partners, population, report, ssb
from analytics.checks import DataError
from analytics.formatting import escape_markdown, format_date, format_int, format_percent, format_timestamp
from analytics.i18n import t
from analytics.jsonstat import SsbError
from analytics.provenance import safe_url, source_line
from analytics.store import STATUSES, Report, StoreError
from ui import cached, editing, shell

PLAY_SECONDS = 0.4


def map_controls(first: int, last: int, extents: list[str], lang: str):
    """The play button, the year slider (a progress bar while playing) and the map extent.

    Returns (year, extent, progress): `progress` is the place for the progress bar while playing, else None."""
    state = st.session_state
    state.setdefault("year", last)
    state.setdefault("playing", False)
    button_column, slider_column, extent_column = st.columns([1.3, 6, 2.2], vertical_alignment="bottom")
    label, icon = (
        ("partners.pause", ":material/pause:") if state.playing else ("partners.play", ":material/play_arrow:")
    )
    button_column.button(
        t(label, lang), icon=icon, key="play", width="stretch", on_click=_toggle_play, args=(first, last)
    )
    progress = slider_column.empty() if state.playing else None
    if not state.playing:
        slider_column.slider(t("partners.year", lang), first, last, value=last, key="year", bind="query-params")
    extent = extent_column.segmented_control(
        t("partners.extent", lang),
        extents,
        format_func=lambda key: t(f"partners.extent.{key}", lang),
        default=extents[0],
        key="extent",
        bind="query-params",
    )
    return state.year, extent or extents[0], progress


def _toggle_play(first: int, last: int) -> None:
    state = st.session_state
    if state.playing:
        state.year = state.shown_year  # the slider comes back at the year on the map
    else:
        state.shown_year = first - 1 if state.year >= last else state.year
    state.playing = not state.playing


def play_years(draw, first: int, last: int, lang: str, progress) -> None:
    """Draw each year after the one shown, one per tick, in one place; a click on pause ends this run at once."""
    state = st.session_state
    frame = st.empty()
    for year in range(state.shown_year + 1, last + 1):
        state.shown_year = year
        progress.progress((year - first) / (last - first), text=f"{t('partners.year', lang)}: {year}")
        with frame.container():
            draw(year)
        time.sleep(PLAY_SECONDS)  # the pace of the animation, not a synchronisation
    state.year, state.playing = last, False
    st.rerun()


def map_legend(lang: str) -> None:
    """Colour swatches for the agreement types, dormant relations and the home city (no data text inside)."""
    items = [(colour, t(f"type.{key}", lang), True) for key, colour in palette.AGREEMENT_COLOURS.items()]
    items += [
        (palette.DORMANT_GREY, t("partners.dormant", lang), False),
        (palette.HOME_COLOUR, t("partners.home", lang), True),
    ]
    swatches = "".join(
        f'<span role="listitem" style="display:inline-flex;align-items:center;margin-right:18px;font-size:1rem">'
        f'<span style="width:14px;height:14px;border-radius:50%;border:3px solid {colour};'
        f'background:{colour if filled else "#fff"};margin-right:6px"></span>{label}</span>'
        for colour, label, filled in items
    )
    st.markdown(
        f'<div role="list" aria-label="{t("partners.legend", lang)}">{swatches}</div>',
        unsafe_allow_html=True,
    )


def chart(
    ctx, fig, summary: str, data: pd.DataFrame, sources, key: str | None = None, notes=(), expanded: bool = False
) -> None:
    """A chart with its text alternative (WCAG 2.1 AA): the figure, a summary of what it shows with its key numbers,
    any data notes, its figures as a table in an expander, and its source line.

    `sources` is a list of source ids, or a ready source line where the figures are not from sources.yml."""
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False}, key=key)
    # Body text, not a caption: the caption's grey is below 4.5:1 contrast and faint on a projector. Data text
    # (names, notes) is untrusted, so it is never markup.
    st.markdown(escape_markdown(summary))
    for note in notes:
        st.caption(escape_markdown(note))
    with st.expander(t("chart.data", ctx.lang), icon=":material/table:", expanded=expanded):
        st.dataframe(data, hide_index=True, width="stretch")
    st.caption(sources if isinstance(sources, str) else source_line(ctx.sources, sources, ctx.lang))


def partner_profile(ctx, partner_id: str) -> None:
    """One partner's profile: facts, activity areas, sources, and any conflicting start years (data text escaped)."""
    lang = ctx.lang
    profile = partners.profile_of(ctx.bundle, ctx.sources, partner_id, lang)
    st.subheader(profile.title, anchor=False)
    columns = st.columns(4)
    columns[0].metric(t("partners.since", lang), str(profile.since))
    columns[1].metric(t("partners.type", lang), profile.type_label)
    columns[2].metric(t("partners.status", lang), profile.status_label)
    columns[3].metric(t("partners.nordic_platform", lang), profile.nordic_platform)
    for conflict in profile.conflicts:
        st.warning(escape_markdown(conflict), icon="⚠️")
    areas = ", ".join(profile.areas) or t("partners.areas_none", lang)
    st.markdown(f"**{t('partners.areas', lang)}:** {escape_markdown(areas)}")
    fact_list(profile.facts, t("partners.facts", lang), t("partners.facts_none", lang))
    source_list(profile.sources, lang)


def fact_list(facts: list[tuple[str, str]], heading: str, empty: str) -> None:
    """Facts as an escaped list, each with its source label; `empty` where there are none."""
    st.markdown(f"**{heading}**")
    if not facts:
        st.caption(empty)
    st.markdown("\n".join(f"- {escape_markdown(text)} *({escape_markdown(source)})*" for text, source in facts))


def source_list(sources, lang: str) -> None:
    """Sources (indexed by id) as escaped titles, with a link only where the address is plain http(s)."""
    lines = []
    for _, source in sources.iterrows():
        title = escape_markdown(f"{source['publisher']}: {source['title']}")
        url = safe_url(source["url"])
        lines.append(f"- [{title}](<{url}>)" if url else f"- {title}")
    with st.expander(f"{t('col.sources', lang)} ({len(lines)})"):
        st.markdown("\n".join(lines))


def network_gaps(ctx, per_goal_area) -> None:
    """The gaps: målområder with the fewest networks, networks serving none, themes no network covers."""
    lang, bundle = ctx.lang, ctx.bundle
    fewest = networks.fewest_networks(per_goal_area)
    unlinked = networks.networks_without_goal_area(bundle.networks, bundle.network_goal_areas)
    themes = [t(f"theme.{theme}", lang) for theme in networks.themes_not_covered(bundle.networks)]
    none = t("networks.none_listed", lang)
    st.subheader(t("networks.gaps", lang), anchor=False)
    lines = [
        (
            t("networks.gap_fewest", lang),
            ", ".join(f"{label} ({n})" for label, n in zip(fewest["label"], fewest["networks"], strict=True)),
        ),
        (t("networks.gap_unlinked", lang), ", ".join(unlinked["name"]) or none),
        (t("networks.gap_themes", lang), ", ".join(themes) or none),
    ]
    st.markdown("\n".join(f"- **{escape_markdown(head)}:** {escape_markdown(body)}" for head, body in lines))


def network_profile(ctx, network_id: str) -> None:
    """One network's profile (data text escaped) with its sources."""
    lang = ctx.lang
    profile = networks.network_profile(ctx.bundle, ctx.sources, network_id, lang)
    st.subheader(profile.name, anchor=False)
    st.text(profile.description)
    rows = [
        (t("col.goal_areas", lang), "; ".join(profile.goal_areas) or "–"),
        (t("col.scope", lang), profile.scope),
        (t("col.theme", lang), profile.theme),
        (t("col.join_year", lang), profile.join_year),
    ]
    st.markdown("\n".join(f"- **{escape_markdown(head)}:** {escape_markdown(value)}" for head, value in rows))
    st.caption(t("networks.own_classification", lang))
    fact_list(profile.facts, t("networks.facts", lang), t("networks.facts_none", lang))
    source_list(ctx.sources.set_index("id").loc[profile.source_ids], lang)


def network_comparison(ctx) -> None:
    """The chosen organisation against another one by theme: what both have and what only one has."""
    lang, bundle = ctx.lang, ctx.bundle
    others = {}
    for org_id, name in cached.bundles(cached.data_dir()):
        if org_id == bundle.id:
            continue
        try:
            other = cached.bundle(cached.data_dir(), org_id, ctx.today)
        except DataError as err:
            st.warning(f"{name}: {err}")
            continue
        if not other.networks.empty:
            others[org_id] = other
    if not others:
        st.caption(t("networks.compare_none", lang))
        return
    default = "kuopio" if "kuopio" in others else next(iter(others))
    other_id = st.selectbox(
        t("networks.compare_with", lang),
        list(others),
        index=list(others).index(default),
        format_func=lambda key: others[key].organisation["name"],
        key="compare_with",
        bind="query-params",
    )
    other = others[other_id]
    first, second = bundle.organisation["name"], other.organisation["name"]
    comparison = networks.compare_by_theme(bundle.networks, other.networks)
    st.markdown(escape_markdown(networks.comparison_summary(comparison, first, second, lang)))
    st.dataframe(networks.comparison_table(comparison, first, second, lang), hide_index=True, width="stretch")
    sources = [*bundle.networks["source"], *other.networks["source"], "egen-klassifisering"]
    st.caption(source_line(ctx.sources, sources, lang))
    st.caption(t("networks.own_classification", lang))


def population_status(ctx, figures: pd.DataFrame, warning: str | None) -> None:
    """Where the figures come from (shipped snapshot or SSB, with times) and the button that fetches from SSB."""
    lang, bundle = ctx.lang, ctx.bundle
    can_fetch = bool(ssb.configured_regions(bundle.organisation))
    if warning:
        st.warning(f"{t('pop.fetched_broken', lang)}\n\n{warning}")
    info = population.fetch_info(figures)
    if info:
        st.caption(
            t(
                "pop.fetched",
                lang,
                tables=", ".join(info["tables"]),
                fetched=format_timestamp(info["fetched"]),
                updated=format_timestamp(info["updated"]),
            )
        )
    elif not figures.empty:
        st.info(t("pop.snapshot", lang) + (" " + t("pop.snapshot_fetch", lang) if can_fetch else ""))
    done = st.session_state.pop("pop_refresh_message", None)
    if done:
        st.success(done)
    if not can_fetch:
        if not figures.empty:
            st.caption(t("pop.no_ssb", lang, org=bundle.organisation["name"]))
        return
    if st.button(t("pop.refresh_again" if info else "pop.refresh", lang), icon=":material/sync:", key="pop_refresh"):
        with st.spinner(t("pop.refreshing", lang)):
            try:
                result = ssb.refresh(
                    bundle.organisation,
                    ssb.snapshot_path(cached.state_dir(), bundle.id),
                    ctx.sources["id"],
                    base=ssb.configured_base_url(),
                    timeout=ssb.configured_timeout(),
                )
            except SsbError as err:
                st.error(f"{err}\n\n{t('pop.refresh_failed', lang)}")
                return
        message = t("pop.refreshed", lang, rows=format_int(result.rows), first=result.years[0], last=result.years[1])
        st.session_state["pop_refresh_message"] = message
        st.rerun()


def partner_backgrounds(ctx, backgrounds: pd.DataFrame, region_name: str, year: int) -> None:
    """Residents with a background from each twin city's country, and the way to the map."""
    lang = ctx.lang
    st.subheader(t("pop.partners", lang))
    st.markdown(t("pop.partners_intro", lang, region=region_name, year=year))
    ordered = backgrounds.sort_values(["value", "partner"], ascending=[False, True], na_position="last")
    table = pd.DataFrame(
        {
            t("pop.col.partner", lang): ordered["partner"],
            t("col.country", lang): ordered["country_en" if lang == "en" else "country"],
            t("pop.col.residents", lang): ordered["value"].map(format_int),
        }
    )
    st.dataframe(table, hide_index=True, width=760, height=(len(table) + 1) * 35 + 3)
    if backgrounds["source"].notna().any():
        st.caption(source_line(ctx.sources, backgrounds["source"].dropna(), lang))
    st.page_link("views/vennskapsbyer.py", label=t("pop.partners_link", lang), icon=":material/public:")


def population_cards(ctx, rows: pd.DataFrame) -> None:
    """One card per region, year and measure: the count (with its share under it) or the share alone."""
    lang = ctx.lang
    cards = population.cards(rows)
    columns = st.columns(3)
    for i, card in enumerate(cards):
        with columns[i % 3]:
            st.metric(
                f"{t(f'measure.{card.measure}', lang)}, {card.region_name} {card.year}",
                population.value_text(card.value, card.unit, card.status),
            )
            if card.share is not None:
                st.caption(t("pop.share_of_population", lang, share=format_percent(card.share)))
            note = card.note_en if lang == "en" and isinstance(card.note_en, str) else card.note_nb
            if isinstance(note, str):
                st.caption(note)
            st.caption(source_line(ctx.sources, card.sources, lang))


VIEW_LINKS = (
    ("views/vennskapsbyer.py", "overview.go_partners", ":material/public:"),
    ("views/nettverk.py", "overview.go_networks", ":material/hub:"),
    ("views/tiltak.py", "overview.go_measures", ":material/checklist:"),
    ("views/befolkning.py", "overview.go_population", ":material/groups:"),
    ("views/presentasjon.py", "overview.go_present", ":material/slideshow:"),
    ("views/om_dataene.py", "overview.go_about", ":material/info:"),
)


def view_links(lang: str) -> None:
    """A link into every other view, three to a row."""
    columns = st.columns(3)
    for i, (path, key, icon) in enumerate(VIEW_LINKS):
        with columns[i % 3]:
            st.page_link(path, label=t(key, lang), icon=icon)


def headline_figures(ctx, figures: list) -> None:
    """The headline figures in one row of large numbers, each with its note, and their sources under them."""
    if not figures:
        return
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(figure.label, figure.value)
        if figure.note:
            column.caption(figure.note)
    st.caption(source_line(ctx.sources, [s for figure in figures for s in figure.sources], ctx.lang))


def measure_rollup(ctx, rolled: pd.DataFrame, goal_labels: dict) -> None:
    """One line per målområde: its traffic light, its colour, name, "n av m i rute" and how many are past due."""
    lang = ctx.lang
    numbers = dict(zip(ctx.bundle.goal_areas["id"], ctx.bundle.goal_areas["number"], strict=True))
    for row in rolled.itertuples():
        name = goal_labels.get(row.goal_area_id) or t("measures.no_goal_area", lang)
        colour = palette.LIGHT_COLOURS[row.light]
        parts = [t("measures.on_track", lang, n=row.on_track, total=row.measures)]
        if row.late:
            parts.append(t("measures.late_n", lang, n=row.late))
        area = palette.goal_area_colour(numbers[row.goal_area_id]) if row.goal_area_id in numbers else "#FFFFFF"
        st.markdown(
            f'<span role="img" aria-label="{t(f"measures.light.{row.light}", lang)}" style="display:inline-block;'
            f"width:1.4rem;height:1.4rem;border-radius:50%;background:{colour};border:1px solid #333;"
            f'vertical-align:-0.35rem;margin-right:0.5rem"></span>'
            f'<span aria-hidden="true" style="display:inline-block;width:0.8rem;height:1.1rem;margin-right:0.5rem;'
            f'vertical-align:-0.15rem;background:{area}"></span>**{escape_markdown(name)}** — {" · ".join(parts)}',
            unsafe_allow_html=True,
        )


def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A measure's reports, newest first, as text (comments are never rendered as markup)."""
    newest = history.sort_values(["reported_at", "id"], ascending=False)
    return pd.DataFrame(
        {
            t("col.date", lang): newest["reported_at"].map(lambda v: format_date(v.date())),
            t("measures.period", lang).split(" (")[0]: newest["period"],
            t("measures.col.status", lang): newest["status"].map(lambda s: t(f"status.{s}", lang)),
            t("measures.col.progress", lang): newest["progress"].map(lambda v: format_int(v) if pd.notna(v) else "–"),
            t("measures.comment", lang): newest["comment"],
            t("measures.col.responsible", lang): newest["reporter"],
        }
    )


def changes_since(ctx, reports: pd.DataFrame, key: str) -> None:
    """A date (kept in the link under `key`, 30 days back by default) and what changed from it until today."""
    lang, measures = ctx.lang, shell.plan(ctx)
    since = st.date_input(
        t("measures.since", lang), ctx.today - dt.timedelta(days=30), format="DD.MM.YYYY", key=key, bind="query-params"
    )
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(ctx.today, dt.time.max, tzinfo=dt.UTC)
    titles = dict(zip(measures["id"], measures["title_nb"], strict=True))
    changed = cached.plan_changes(reports, measures, start, end)
    measure_changes(ctx, changed, titles, format_date(since))
    st.caption(t("measures.source_reports", lang))


def measure_changes(ctx, changed: dict, titles: dict, since: str) -> None:
    """Status transitions, new comments and newly late measures since a date, as plain tables."""
    lang = ctx.lang
    if all(frame.empty for frame in changed.values()):
        st.caption(t("measures.changed_none", lang, date=since))
        return
    transitions, comments, late = changed["transitions"], changed["comments"], changed["became_late"]

    def status(key: str) -> str:
        return t(f"status.{key}", lang)

    tables = {
        "measures.transitions": {
            t("measures.col.title", lang): transitions["measure_id"].map(titles),
            t("pop.from", lang): transitions["from"].map(status),
            t("pop.to", lang): transitions["to"].map(status),
        },
        "measures.new_comments": {
            t("measures.col.title", lang): comments["measure_id"].map(titles),
            t("col.date", lang): comments["reported_at"].map(lambda v: format_date(v.date())),
            t("measures.comment", lang): comments["comment"],
        },
        "measures.became_late": {t("measures.col.title", lang): late["measure_id"].map(titles)},
    }
    for heading, columns in tables.items():
        frame = pd.DataFrame(columns)
        if not frame.empty:
            st.markdown(f"**{t(heading, lang)}**")
            st.dataframe(frame, hide_index=True, width="stretch")


def report_tools(ctx, store, measures: pd.DataFrame, goal_labels: dict, reports: pd.DataFrame) -> None:
    """Excel template and export for everyone; the report form and the upload for a signed-in editor only."""
    lang, bundle = ctx.lang, ctx.bundle
    st.header(t("measures.excel", lang))
    left, right = st.columns(2)
    left.download_button(
        t("measures.template", lang),
        lambda: excel.template(measures, goal_labels, bundle.organisation["name"]),  # built only on click
        file_name=f"{bundle.id}-statusrapport-mal.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="measures_template",
    )
    if not reports.empty:
        right.download_button(
            t("measures.export", lang),
            lambda: excel.reports_workbook(history_table(reports, lang)),
            file_name=f"{bundle.id}-statusrapporter.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="measures_export",
        )
    editor = editing.current_editor()
    if not editor:
        return
    done = st.session_state.pop("measures_saved", None)
    if done:
        st.success(done)
    st.header(t("measures.report", lang))
    titles = dict(zip(measures["id"], measures["title_nb"], strict=True))
    with st.form("report_form", clear_on_submit=True):
        measure_id = st.selectbox(
            t("measures.choose", lang), list(titles), format_func=titles.get, key="report_measure"
        )
        period_column, status_column, progress_column, indicator_column = st.columns(4)
        period = period_column.text_input(t("measures.period", lang), value=str(ctx.today.year), key="report_period")
        status = status_column.selectbox(
            t("measures.col.status", lang),
            list(STATUSES),
            format_func=lambda s: t(f"status.{s}", lang),
            key="report_status",
        )
        progress_value = progress_column.number_input(
            t("measures.progress", lang), min_value=0, max_value=100, value=None, step=5, key="report_progress"
        )
        indicator = indicator_column.number_input(t("measures.indicator", lang), value=None, key="report_indicator")
        comment = st.text_area(t("measures.comment", lang), key="report_comment")
        submitted = st.form_submit_button(t("measures.save", lang))
    if submitted:
        checked = excel.parse_period(period)
        if checked is None:
            st.error(t("measures.bad_period", lang))
        else:
            store.add([Report(bundle.id, measure_id, checked, status, progress_value, indicator, comment, editor)])
            st.session_state["measures_saved"] = t("measures.saved", lang)
            st.rerun()
    st.subheader(t("measures.upload", lang))
    round_ = st.session_state.setdefault("measures_upload_round", 0)  # a new uploader (empty) after each save
    uploaded = st.file_uploader(
        t("measures.upload", lang), type=["xlsx"], key=f"measures_upload_{round_}", label_visibility="collapsed"
    )
    if uploaded is None:
        return
    upload = excel.read_upload(uploaded.getvalue(), uploaded.name, measures, bundle.id, editor)
    if upload.errors:
        st.error(
            t("measures.upload_errors", lang, n=len(upload.errors))
            + "\n\n"
            + "\n".join(f"- {e}" for e in upload.errors)
        )
        return
    if not upload.reports:
        st.info(t("measures.upload_nothing", lang))
        return
    st.markdown(t("measures.upload_preview", lang, n=len(upload.reports)))
    st.dataframe(upload.preview, hide_index=True, width="stretch")
    batch = excel.upload_batch(uploaded.getvalue())  # the same file saved twice is recognised by its content
    saved_before = store.has_batch(batch)
    if saved_before is not None:
        st.warning(t("measures.upload_saved_before", lang, date=format_date(saved_before.date())))
    if st.button(t("measures.upload_confirm", lang, n=len(upload.reports)), type="primary", key="measures_upload_save"):
        try:
            written = store.add(upload.reports, batch=batch)
        except StoreError as err:
            st.error(str(err))
            return
        st.session_state["measures_saved"] = t("measures.upload_saved", lang, n=written)
        st.session_state["measures_upload_round"] = round_ + 1  # the saved file cannot be saved twice
        st.rerun()


# Presentation mode: the sidebar, the header, the set-up and the footer hidden; the slide fills the screen in
# large type. Only layout; no data text inside.
PRESENTING_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], .st-key-present_setup, .st-key-app_footer { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0.6rem 3rem 0.5rem 3rem !important; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.6rem; padding: 0.2rem 0 0 0; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li { font-size: 1.45rem; }
[data-testid="stCaptionContainer"] p { font-size: 1.15rem !important; }
[data-testid="stMetricValue"] p { font-size: 3.6rem !important; line-height: 1.2; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; white-space: normal !important; }
</style>"""


def presentation_mode(lang: str) -> bool:
    """The switch into full-screen presentation (kept in the link); hides the app's chrome while on."""
    presenting = st.toggle(t("present.mode", lang), key="present", bind="query-params")
    if presenting:
        st.markdown(PRESENTING_CSS, unsafe_allow_html=True)
    return presenting


def _step_slide(step: int, total: int) -> None:
    st.session_state.slide = min(max(st.session_state.get("slide", 1) + step, 1), total)


def _stop_presenting() -> None:
    st.session_state.present = False


def slide_navigation(total: int, presenting: bool, lang: str) -> int:
    """Previous / the slide numbers / next (also the arrow keys), and leaving presentation (Esc); the slide number
    is kept in the link. Returns the chosen slide (1-based)."""
    if st.session_state.get("slide", 1) > total:
        st.session_state.slide = total  # fewer slides chosen than the link's slide number
    previous, pages, following, leave = st.columns([1.3, 5, 1.3, 1.6], vertical_alignment="center")
    previous.button(
        t("present.previous", lang),
        icon=":material/arrow_back:",
        key="slide_previous",
        shortcut="Left",
        on_click=_step_slide,
        args=(-1, total),
        width="stretch",
    )
    following.button(
        t("present.next", lang),
        icon=":material/arrow_forward:",
        key="slide_next",
        shortcut="Right",
        on_click=_step_slide,
        args=(1, total),
        width="stretch",
    )
    if presenting:
        leave.button(
            t("present.leave", lang),
            icon=":material/close_fullscreen:",
            key="slide_leave",
            shortcut="Esc",
            on_click=_stop_presenting,
            width="stretch",
        )
    with pages:
        return st.pagination(total, key="slide", bind="query-params", width="stretch")


def slide_view(slide, number: int, total: int, presenting: bool, lang: str) -> None:
    """One slide: title, what it shows, headline figures, chart, summary, source line and date, its data."""
    st.title(slide.title, anchor=False)
    st.caption(f"{escape_markdown(slide.subtitle)} · {t('present.slide_of', lang, n=number, total=total)}")
    if slide.metrics:
        for column, (label, value) in zip(st.columns(len(slide.metrics)), slide.metrics, strict=True):
            column.metric(label, value)
    if slide.figure is not None:
        figure = charts.for_projector(slide.figure, 500 if presenting else 460)
        st.plotly_chart(figure, width="stretch", theme=None, config={"displaylogo": False}, key=f"slide_{slide.id}")
    if slide.summary:
        st.markdown(escape_markdown(slide.summary))
    st.caption(f"{escape_markdown(slide.source_line)} · {t('present.as_of', lang, date=format_date(slide.date))}")
    if slide.figure is None and not slide.table.empty:
        st.dataframe(slide.table, hide_index=True, width="stretch")
    elif not slide.table.empty:
        with st.expander(t("present.data", lang)):
            st.dataframe(slide.table, hide_index=True, width="stretch")


def report_downloads(build_slides, ctx) -> None:
    """The chosen slides as a self-contained HTML report (built on click) and as a PowerPoint deck (drawn on
    request: its charts need the server's Chromium, and a missing one gets a message, not a broken file)."""
    lang, bundle = ctx.lang, ctx.bundle
    title = f"{t('present.report_title', lang)} – {bundle.organisation['name']}"
    stem = f"{bundle.id}-{ctx.today.isoformat()}"
    html_column, pptx_column = st.columns(2)
    html_column.download_button(
        t("present.download_html", lang),
        lambda: report.html_report(build_slides(), title, ctx.today, lang).encode("utf-8"),
        file_name=f"{stem}-rapport.html",
        mime="text/html",
        icon=":material/download:",
        key="report_html",
    )
    html_column.caption(t("present.html_hint", lang))
    if pptx_column.button(t("present.make_pptx", lang), icon=":material/slideshow:", key="report_pptx_make"):
        with st.spinner(t("present.making_pptx", lang)):
            try:
                st.session_state["report_pptx_deck"] = report.pptx_report(build_slides(), title, ctx.today, lang)
            except report.ReportError as err:
                pptx_column.error(str(err))
    # The deck lives under its own key: "report_pptx" is the download button's widget key, and Streamlit refuses
    # a value written to a widget's key (StreamlitValueAssignmentNotAllowedError) in the browser.
    if "report_pptx_deck" in st.session_state:
        pptx_column.download_button(
            t("present.download_pptx", lang),
            st.session_state["report_pptx_deck"],
            file_name=f"{stem}-lysbilder.pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            icon=":material/download:",
            key="report_pptx",
        )
