"""Baseline 2: a page like Streamlit's own GDP dashboard template (github.com/streamlit/gdp-dashboard-template).

The same calls in the same order: one cached CSV melted to ~17 000 rows, a year range slider, a multiselect, one
line chart and four metrics. The template reads the World Bank's GDP file; this machine has no internet, so the
CSV is generated (266 countries × 64 years, fixed seed; see gdp_data.py) and its path is in $BENCH_GDP_CSV.
"""

import math
import os

import pandas as pd
import streamlit as st

MIN_YEAR, MAX_YEAR = 1960, 2023


@st.cache_data
def get_gdp_data():
    raw_gdp_df = pd.read_csv(os.environ["BENCH_GDP_CSV"])
    gdp_df = raw_gdp_df.melt(["Country Code"], [str(x) for x in range(MIN_YEAR, MAX_YEAR + 1)], "Year", "GDP")
    gdp_df["Year"] = pd.to_numeric(gdp_df["Year"])
    return gdp_df


gdp_df = get_gdp_data()

st.title("GDP dashboard (generated data)")
st.markdown("Browse generated GDP-like data of the shape of the World Bank's file.")

min_value, max_value = gdp_df["Year"].min(), gdp_df["Year"].max()
from_year, to_year = st.slider(
    "Which years are you interested in?", min_value=min_value, max_value=max_value, value=[min_value, max_value]
)
countries = gdp_df["Country Code"].unique()
selected_countries = st.multiselect(
    "Which countries would you like to view?", countries, ["C001", "C002", "C003", "C004"]
)
filtered_gdp_df = gdp_df[
    (gdp_df["Country Code"].isin(selected_countries)) & (gdp_df["Year"] <= to_year) & (from_year <= gdp_df["Year"])
]
st.header("GDP over time", divider="gray")
st.line_chart(filtered_gdp_df, x="Year", y="GDP", color="Country Code")

first_year = gdp_df[gdp_df["Year"] == from_year]
last_year = gdp_df[gdp_df["Year"] == to_year]
st.header(f"GDP in {to_year}", divider="gray")
cols = st.columns(4)
for i, country in enumerate(selected_countries):
    with cols[i % len(cols)]:
        first_gdp = first_year[first_year["Country Code"] == country]["GDP"].iat[0] / 1_000_000_000
        last_gdp = last_year[last_year["Country Code"] == country]["GDP"].iat[0] / 1_000_000_000
        growth, delta_color = ("n/a", "off") if math.isnan(first_gdp) else (f"{last_gdp / first_gdp:,.2f}x", "normal")
        st.metric(label=f"{country} GDP", value=f"{last_gdp:,.0f}B", delta=growth, delta_color=delta_color)
