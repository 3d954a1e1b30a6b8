"""The picture frame: page config, navigation, the shared sidebar and the footer."""

import streamlit as st

from analytics.i18n import t
from ui import cached, shell
from ui.search import sidebar_search

st.set_page_config(page_title="Internasjonal strategi", page_icon="🌍", layout="wide")

shell.page_style()
lang, org_id = shell.sidebar_choices()

pages = [
    st.Page(
        "views/oversikt.py",
        title=t("nav.overview", lang),
        icon=":material/dashboard:",
        default=True,  # served at the root: Streamlit ignores a default page's url_path
    ),
    st.Page(
        "views/vennskapsbyer.py",
        title=t("nav.partners", lang),
        icon=":material/public:",
        url_path="vennskapsbyer",
    ),
    st.Page(
        "views/nettverk.py",
        title=t("nav.networks", lang),
        icon=":material/hub:",
        url_path="nettverk",
    ),
    st.Page(
        "views/tiltak.py",
        title=t("nav.measures", lang),
        icon=":material/checklist:",
        url_path="tiltak",
    ),
    st.Page(
        "views/befolkning.py",
        title=t("nav.population", lang),
        icon=":material/groups:",
        url_path="befolkning",
    ),
    st.Page(
        "views/presentasjon.py",
        title=t("nav.present", lang),
        icon=":material/slideshow:",
        url_path="presentasjon",
    ),
    st.Page(
        "views/utforsk/page.py",
        title=t("nav.explore", lang),
        icon=":material/search:",
        url_path="utforsk",
    ),
    st.Page(
        "views/om_dataene.py",
        title=t("nav.about", lang),
        icon=":material/info:",
        url_path="om-dataene",
    ),
]
shell.demo_banner(lang)  # example data (DASHBOARD_DEMO=1): said on every view
navigation = st.navigation(pages)
sidebar_search(lang)
navigation.run()

with st.container(key="app_footer"):
    st.divider()
    st.caption(t("app.footer", lang, data_dir=cached.data_dir().name))
