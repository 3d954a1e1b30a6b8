"""The picture frame: page config, navigation, the shared sidebar and the footer."""

import streamlit as st

from analytics.i18n import t
from ui import cached, navigation, shell

st.set_page_config(page_title="Internasjonal strategi", page_icon="🌍", layout="wide")

shell.page_style()
lang, org_id = shell.sidebar_choices()

pages = [navigation.page(view, lang) for view in navigation.VIEWS]
shell.demo_banner(lang)  # example data (DASHBOARD_DEMO=1): said on every view
st.navigation(pages).run()

with st.container(key="app_footer"):
    st.divider()
    st.caption(t("app.footer", lang, data_dir=cached.data_dir().name))
