"""Presentasjon's own blocks: presentation mode, the slide navigation, one slide, the report downloads."""

from __future__ import annotations

import streamlit as st

from analytics import charts, report, report_html, slides
from analytics.formatting import escape_markdown
from analytics.i18n import t

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
[data-testid="stLayoutWrapper"]:has(> .st-key-slide_nav) { position: sticky; bottom: 0; z-index: 5; background: #fff; }
</style>"""


# A slide is for the projector: no plotly toolbar (zoom, pan, download) over the chart.
SLIDE_CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}


def _report_pptx():
    from analytics import report_pptx  # noqa: PLC0415 - python-pptx, kaleido and PIL load when the deck is made

    return report_pptx


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
    # In one container, so that presentation mode keeps it at the bottom of the screen under a tall slide
    previous, pages, following, leave = st.container(key="slide_nav").columns(
        [1.3, 5, 1.3, 1.6], vertical_alignment="center"
    )
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
    st.title(escape_markdown(slide.title), anchor=False)
    st.caption(f"{escape_markdown(slide.subtitle)} · {t('present.slide_of', lang, n=number, total=total)}")
    if slide.metrics:
        for column, (label, value) in zip(st.columns(len(slide.metrics)), slide.metrics, strict=True):
            column.metric(escape_markdown(label), value)
    if slide.figure is not None:
        figure = charts.for_projector(slide.figure, 500 if presenting else 460)
        st.plotly_chart(figure, width="stretch", theme=None, config=SLIDE_CHART_CONFIG, key=f"slide_{slide.id}")
    if slide.summary:
        st.markdown(escape_markdown(slide.summary))
    st.caption(escape_markdown(report.footer_text(slide, lang)))
    widths = {
        label: st.column_config.Column(width=width) for label, width in slides.column_widths(slide.table, lang).items()
    }
    fit = "content" if widths else "stretch"  # set widths are kept only in a table as wide as its columns
    if slide.figure is None and not slide.table.empty:
        st.dataframe(slide.table, hide_index=True, width=fit, column_config=widths)
    elif not slide.table.empty:
        with st.expander(t("present.data", lang)):
            st.dataframe(slide.table, hide_index=True, width=fit, column_config=widths)


def report_downloads(build_slides, ctx) -> None:
    """The chosen slides as a self-contained HTML report (built on click) and as a PowerPoint deck (drawn on
    request: its charts need the server's Chromium, and a missing one gets a message, not a broken file)."""
    lang, bundle = ctx.lang, ctx.bundle
    title = f"{t('present.report_title', lang)} – {bundle.organisation['name']}"
    stem = f"{bundle.id}-{ctx.today.isoformat()}"
    html_column, pptx_column = st.columns(2)
    html_column.download_button(
        t("present.download_html", lang),
        lambda: report_html.html_report(build_slides(), title, ctx.today, lang).encode("utf-8"),
        file_name=f"{stem}-rapport.html",
        mime="text/html",
        icon=":material/download:",
        key="report_html",
    )
    html_column.caption(t("present.html_hint", lang))
    if pptx_column.button(t("present.make_pptx", lang), icon=":material/slideshow:", key="report_pptx_make"):
        with st.spinner(t("present.making_pptx", lang)):
            try:
                st.session_state["report_pptx_deck"] = _report_pptx().pptx_report(
                    build_slides(), title, ctx.today, lang
                )
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
