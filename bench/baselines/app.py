"""Both baselines in one app, so that the browser benchmark can navigate between them as in the dashboard."""

import streamlit as st

st.set_page_config(page_title="Baseline", layout="wide")
pages = [
    st.Page("minimal.py", title="Minimal", default=True),
    st.Page("gdp.py", title="GDP", url_path="gdp"),
]
st.navigation(pages).run()
