"""Baseline 1: the smallest page worth measuring, a title and a 10-row table."""

import pandas as pd
import streamlit as st

st.title("Minimal page")
st.dataframe(pd.DataFrame({"n": range(10), "square": [n * n for n in range(10)]}))
