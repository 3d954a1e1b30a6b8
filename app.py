"""The picture frame: page config, navigation, the shared sidebar and the footer."""

import streamlit as st

from analytics.i18n import t
from ui import navigation, shell
from ui.search import sidebar_search
from ui.settings import current as current_settings

st.set_page_config(page_title="Internasjonal strategi", page_icon="🌍", layout="wide")

shell.page_style()
settings = current_settings()  # the environment, read once per run, passed down from here
lang, org_id = shell.sidebar_choices(settings.data_dir)

page = st.navigation([navigation.page(view, lang) for view in navigation.VIEWS])
shell.demo_banner(settings, lang)  # example data (DASHBOARD_DEMO=1): said on every view
shell.hand_down(settings, lang, org_id)  # the page reads it with shell.context()
sidebar_search(settings, lang)
page.run()

with st.container(key="app_footer"):
    st.divider()
    st.caption(t("app.footer", lang))
