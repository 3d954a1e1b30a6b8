"""Small responses in SSB's exact JSON-stat2 structure. The numbers are made up here and used only in tests."""

from __future__ import annotations

import copy
import json


def dataset(
    regions=(("K-5001", "Trondheim"), ("0", "Hele landet")),
    years=("2023", "2024"),
    values=None,
    status=None,
    index_as_list=False,
    table="09817",
    categories=(("B", "Innvandrere"), ("C", "Norskfødte med innvandrerforeldre")),
    countries=(("999", "Alle land"), ("111", "Polen"), ("142", "Tyskland")),
    contents=(("Personer1", "Personer"),),
) -> dict:
    """A dataset with dimensions Region × InnvandrKat × Landbakgrunn × ContentsCode × Tid, like table 09817."""
    dims = {
        "Region": list(regions),
        "InnvandrKat": list(categories),
        "Landbakgrunn": list(countries),
        "ContentsCode": list(contents),
        "Tid": [(year, year) for year in years],
    }
    sizes = [len(v) for v in dims.values()]
    cells = 1
    for size in sizes:
        cells *= size
    if values is None:
        values = [100 + i for i in range(cells)]
    dimension = {}
    for dim_id, categories in dims.items():
        codes = [code for code, _ in categories]
        index = codes if index_as_list else {code: i for i, code in enumerate(codes)}
        category = {"index": index, "label": dict(categories)}
        if dim_id == "ContentsCode":
            category["unit"] = {code: {"base": label.lower(), "decimals": 0} for code, label in categories}
        dimension[dim_id] = {"label": dim_id.lower(), "category": category, "extension": {"elimination": False}}
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": f"{table}: Innvandrere og norskfødte med innvandrerforeldre, etter region, innvandringskategori, "
        "landbakgrunn, statistikkvariabel og år",
        "source": "Statistisk sentralbyrå",
        "updated": "2025-03-11T07:00:00Z",
        "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
        "id": list(dims),
        "size": sizes,
        "dimension": dimension,
        "extension": {"px": {"tableid": table, "decimals": 0, "language": "no"}},
        "value": values,
    }
    if status is not None:
        doc["status"] = status
    return doc


def metadata(table="09817", **kwargs) -> dict:
    """The metadata endpoint's answer: the same dataset without values, with the Region codelists listed."""
    doc = dataset(table=table, **kwargs)
    del doc["value"]
    doc["dimension"]["Region"]["extension"]["codelists"] = [
        {"id": "agg_KommSummer", "label": "Kommuner, summert", "type": "Aggregation"},
        {"id": "vs_Kommun", "label": "Kommuner", "type": "Valueset"},
    ]
    return doc


def text(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False)


def changed(doc: dict, change) -> dict:
    doc = copy.deepcopy(doc)
    change(doc)
    return doc
