"""Pure analysis of networks: coverage per målområde, gaps, scope mix, and comparison between organisations."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.bundle import OWN, SCOPES, THEMES
from analytics.formatting import format_int
from analytics.i18n import in_language, t
from analytics.provenance import dated_facts


def goal_area_label(number: int, name: str) -> str:
    """A målområde as "3 · Name", so that charts keep the strategy's order and number."""
    return f"{number} · {name}"


def coverage_matrix(networks: pd.DataFrame, links: pd.DataFrame, goal_areas: pd.DataFrame) -> pd.DataFrame:
    """One row per network and målområde it serves: network id and name, goal area id, number and name, and whether
    the link is the dashboard's own inference (`own`)."""
    merged = links.merge(networks[["id", "name"]], left_on="network_id", right_on="id")
    merged = merged.merge(
        goal_areas[["id", "number", "name_nb", "name_en"]], left_on="goal_area_id", right_on="id", suffixes=("", "_ga")
    )
    merged["own"] = merged["source"].eq(OWN) if "source" in merged else False
    columns = ["network_id", "name", "goal_area_id", "number", "name_nb", "name_en", "own"]
    return merged[columns].sort_values(["number", "name"], ignore_index=True)


def networks_per_goal_area(links: pd.DataFrame, goal_areas: pd.DataFrame) -> pd.DataFrame:
    """One row per målområde (all of them, in the strategy's order): id, number, names and its number of networks."""
    counts = links.groupby("goal_area_id")["network_id"].nunique()
    frame = goal_areas[["id", "number", "name_nb", "name_en"]].copy()
    frame["networks"] = frame["id"].map(counts).fillna(0).astype(int)
    return frame.sort_values("number", ignore_index=True)


def fewest_networks(per_goal_area: pd.DataFrame) -> pd.DataFrame:
    """The målområder that share the lowest number of networks."""
    if per_goal_area.empty:
        return per_goal_area
    return per_goal_area[per_goal_area["networks"] == per_goal_area["networks"].min()].reset_index(drop=True)


def networks_summary(networks: pd.DataFrame, per_goal_area: pd.DataFrame, lang: str) -> str:
    """How many networks, and the målområder (with their `label`) that have the fewest; in words where no network
    serves any målområde, rather than an empty list and a missing number."""
    n = format_int(len(networks))
    if per_goal_area.empty or not per_goal_area["networks"].any():
        return t("networks.summary_unlinked", lang, n=n)
    fewest = fewest_networks(per_goal_area)
    k = format_int(fewest["networks"].min())
    return t("networks.summary", lang, n=n, fewest=", ".join(fewest["label"]), k=k)


def networks_without_goal_area(networks: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The networks that serve no målområde."""
    return networks[~networks["id"].isin(links["network_id"])].reset_index(drop=True)


def themes_not_covered(networks: pd.DataFrame) -> list[str]:
    """The themes (in the tool's fixed order) that none of the networks has."""
    present = set(networks["theme"])
    return [theme for theme in THEMES if theme not in present]


def scope_mix(networks: pd.DataFrame, links: pd.DataFrame, goal_areas: pd.DataFrame) -> pd.DataFrame:
    """One row per målområde and scope: the number of its networks with that scope (zeros included)."""
    merged = links.merge(networks[["id", "scope"]], left_on="network_id", right_on="id")
    counts = merged.groupby(["goal_area_id", "scope"]).size()
    index = pd.MultiIndex.from_product([goal_areas["id"], SCOPES], names=["goal_area_id", "scope"])
    frame = counts.reindex(index, fill_value=0).rename("networks").reset_index()
    return frame.merge(goal_areas[["id", "number"]], left_on="goal_area_id", right_on="id").drop(columns="id")


def coverage_summary(coverage: pd.DataFrame, lang: str) -> str:
    """The text alternative to the dot matrix: what a dot is, how many there are, how many networks serve several."""
    per_network = coverage.groupby("network_id").size()
    counts = t(
        "networks.coverage_counts",
        lang,
        links=format_int(len(coverage)),
        n=format_int(len(per_network)),
        several=format_int(int((per_network > 1).sum())),
    )
    text = f"{t('networks.matrix_caption', lang)} {counts}"
    own = list(dict.fromkeys(coverage.loc[coverage["own"], "name"])) if "own" in coverage else []
    return f"{text} {t('networks.coverage_own', lang, names=', '.join(own))}" if own else text


def coverage_table(coverage: pd.DataFrame, goal_labels: dict, lang: str) -> pd.DataFrame:
    """The dot matrix as a table for people: one row per network in the chart's order, one column per målområde,
    «ja» where the network serves it."""
    names = list(dict.fromkeys(coverage["name"]))
    own = coverage["own"] if "own" in coverage else pd.Series(False, index=coverage.index)
    served = {
        (name, number): t("own.inferred", lang, value=t("yes", lang)) if inferred else t("yes", lang)
        for name, number, inferred in zip(coverage["name"], coverage["number"], own, strict=True)
    }
    table = pd.DataFrame({t("col.network", lang): names})
    for number, label in goal_labels.items():
        table[label] = [served.get((name, number), "") for name in names]
    return table


def counts_summary(per_goal_area: pd.DataFrame, goal_labels: dict, lang: str) -> str:
    """The text alternative to the count bars: every målområde with its number of networks."""
    items = "; ".join(
        f"{goal_labels[number]} ({format_int(n)})"
        for number, n in zip(per_goal_area["number"], per_goal_area["networks"], strict=True)
    )
    return t("networks.counts_summary", lang, items=items)


def counts_table(per_goal_area: pd.DataFrame, goal_labels: dict, lang: str) -> pd.DataFrame:
    """The count bars as a table for people: målområde and its number of networks."""
    return pd.DataFrame(
        {
            t("col.goal_area", lang): per_goal_area["number"].map(goal_labels).tolist(),
            t("col.networks", lang): [format_int(n) for n in per_goal_area["networks"]],
        }
    )


def scope_summary(mix: pd.DataFrame, scope_labels: dict, lang: str) -> str:
    """The text alternative to the scope bars: the links by scope over all målområder, largest first."""
    totals = mix.groupby("scope", sort=False)["networks"].sum()
    totals = totals[totals > 0].sort_values(ascending=False, kind="stable")
    items = ", ".join(f"{scope_labels[scope]} {format_int(n)}" for scope, n in totals.items())
    return t(
        "networks.scope_summary",
        lang,
        total=format_int(int(totals.sum())),
        items=items or t("networks.none_listed", lang),
    )


def scope_table(mix: pd.DataFrame, goal_labels: dict, scope_labels: dict, lang: str) -> pd.DataFrame:
    """The scope bars as a table for people: one row per målområde, one column per scope that occurs, the total."""
    per_scope = mix.pivot_table(index="number", columns="scope", values="networks", aggfunc="sum", sort=False)
    per_scope = per_scope.reindex(index=list(goal_labels), fill_value=0)
    used = [scope for scope in dict.fromkeys(mix["scope"]) if per_scope[scope].sum() > 0]
    table = pd.DataFrame({t("col.goal_area", lang): list(goal_labels.values())})
    for scope in used:
        table[scope_labels[scope]] = [format_int(n) for n in per_scope[scope]]
    table[t("col.total", lang)] = [format_int(n) for n in per_scope.sum(axis=1)]
    return table


def compare_by_theme(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """One row per theme: the networks of each organisation in it, and who has it ("both", "first", "second", "none")."""
    rows = []
    for theme in THEMES:
        a = sorted(first.loc[first["theme"] == theme, "name"])
        b = sorted(second.loc[second["theme"] == theme, "name"])
        who = "both" if a and b else "first" if a else "second" if b else "none"
        rows.append({"theme": theme, "first": a, "second": b, "who": who})
    return pd.DataFrame(rows)


def comparison_table(comparison: pd.DataFrame, first_name: str, second_name: str, lang: str) -> pd.DataFrame:
    """The theme comparison as a table for people, in `lang`."""
    who = {
        "both": t("networks.both", lang),
        "first": t("networks.only", lang, org=first_name),
        "second": t("networks.only", lang, org=second_name),
        "none": t("networks.neither", lang),
    }
    return pd.DataFrame(
        {
            t("col.theme", lang): comparison["theme"].map(lambda v: t(f"theme.{v}", lang)),
            t("col.who", lang): comparison["who"].map(who),
            first_name: comparison["first"].map("; ".join),
            second_name: comparison["second"].map("; ".join),
        }
    )


def comparison_widths(first_name: str, second_name: str, lang: str) -> dict[str, int]:
    """Pixel widths for comparison_table: both organisations' columns the same width and fully on screen beside
    the sidebar at 1400 px; longer lists are cut, the whole on hover."""
    return {t("col.theme", lang): 200, t("col.who", lang): 190, first_name: 280, second_name: 280}


def described(networks: pd.DataFrame, lang: str) -> pd.Series:
    """The networks' descriptions in `lang`, marked where the dashboard wrote the description itself."""
    texts = in_language(networks, "description", lang)
    own = networks["description_source"].eq(OWN)
    return texts.where(~own, texts.map(lambda text: t("own.written", lang, value=text)))


def network_table(networks: pd.DataFrame, links: pd.DataFrame, goal_areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The networks as a table for people: name, målområder (marked where the link is the dashboard's own
    inference), scope, theme, description (marked where the dashboard wrote it), join year."""
    numbers = links.merge(goal_areas[["id", "number"]], left_on="goal_area_id", right_on="id")
    numbers["label"] = [
        t("own.inferred", lang, value=str(n)) if source == OWN else str(n)
        for n, source in zip(numbers["number"], numbers["source"], strict=True)
    ]
    served = numbers.sort_values("number").groupby("network_id")["label"].apply(", ".join)
    return pd.DataFrame(
        {
            t("col.network", lang): networks["name"],
            t("col.goal_areas", lang): networks["id"].map(lambda network_id: served.get(network_id, "–")),
            t("col.scope", lang): networks["scope"].map(lambda v: t(f"scope.{v}", lang)),
            t("col.theme", lang): networks["theme"].map(lambda v: t(f"theme.{v}", lang)),
            t("col.description", lang): described(networks, lang),
            t("col.join_year", lang): networks["join_year"].map(lambda y: str(y) if pd.notna(y) else "–"),
        }
    ).reset_index(drop=True)


def goal_area_names(goal_areas: pd.DataFrame, lang: str) -> dict[str, str]:
    """Id → short name in `lang` (the full name where no short name is given), in the strategy's order."""
    names = {}
    for row in goal_areas.sort_values("number").itertuples():
        short = (row.short_en or row.name_en) if lang == "en" else row.short_nb
        names[row.id] = short or row.name_nb
    return names


def goal_labels(goal_areas: pd.DataFrame, lang: str) -> dict[int, str]:
    """Number → "1 · Short name" in `lang`."""
    names = goal_area_names(goal_areas, lang)
    ordered = goal_areas.sort_values("number")
    return {row.number: goal_area_label(row.number, names[row.id]) for row in ordered.itertuples()}


@dataclass(frozen=True)
class NetworkProfile:
    """What the profile of one network says, in one language."""

    name: str
    description: str
    goal_areas: list[str]
    scope: str
    theme: str
    join_year: str
    facts: list[tuple[str, str]]
    source_ids: list[str]


def network_profile(bundle, sources: pd.DataFrame, network_id: str, lang: str) -> NetworkProfile:
    """The profile of one network: description, målområder, scope, theme, join year, facts, and every source id."""
    row = bundle.networks[bundle.networks["id"] == network_id].iloc[0]
    links = bundle.network_goal_areas[bundle.network_goal_areas["network_id"] == network_id]
    labels = goal_labels(bundle.goal_areas, lang)
    numbers = bundle.goal_areas.set_index("id").loc[links["goal_area_id"], "number"].to_numpy()
    own_numbers = {n for n, source in zip(numbers, links["source"], strict=True) if source == OWN}
    facts = bundle.network_facts[bundle.network_facts["network_id"] == network_id]
    ids = [row["source"], row["description_source"], *links["source"], *facts["source"]]
    if pd.notna(row["join_year_source"]):
        ids.append(row["join_year_source"])
    return NetworkProfile(
        name=row["name"],
        description=(
            t("own.written", lang, value=in_language(row, "description", lang))
            if row["description_source"] == OWN
            else in_language(row, "description", lang)
        ),
        goal_areas=[
            t("own.inferred", lang, value=labels[n]) if n in own_numbers else labels[n] for n in sorted(numbers)
        ],
        scope=t(f"scope.{row['scope']}", lang),
        theme=t(f"theme.{row['theme']}", lang),
        join_year=str(row["join_year"]) if pd.notna(row["join_year"]) else t("networks.join_unknown", lang),
        facts=dated_facts(facts, sources, lang),
        source_ids=list(dict.fromkeys(ids)),
    )


def comparison_summary(comparison: pd.DataFrame, first_name: str, second_name: str, lang: str) -> str:
    """One sentence: the themes both organisations have, and those only one of them has."""

    def themes(who: str) -> str:
        names = [t(f"theme.{theme}", lang) for theme in comparison.loc[comparison["who"] == who, "theme"]]
        return ", ".join(names) or t("networks.none_listed", lang)

    return t(
        "networks.compare_summary",
        lang,
        both=themes("both"),
        first=first_name,
        only_first=themes("first"),
        second=second_name,
        only_second=themes("second"),
    )
