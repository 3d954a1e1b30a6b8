"""Small responses in SSB's exact JSON-stat2 structure. The numbers are made up here and used only in tests."""

from __future__ import annotations

import copy
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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


CONTENTS = (("Personer1", "Personer"), ("AndelBefolkning", "Andel av befolkningen (prosent)"))
CATEGORIES = (("B", "Innvandrere"), ("C", "Norskfødte med innvandrerforeldre"), ("B-C", "I alt"))
COUNTRIES = (("999", "Alle land"), ("111", "Polen"), ("142", "Tyskland"), ("VES", "Vest-Europa i alt"))


def answer(regions, categories=CATEGORIES, **kwargs) -> dict:
    """Cell i has the value i (below 100, so shares are valid too)."""
    cells = len(regions) * len(categories) * len(COUNTRIES) * len(CONTENTS) * 2
    values = list(range(cells))
    return dataset(
        regions=regions, categories=categories, countries=COUNTRIES, contents=CONTENTS, values=values, **kwargs
    )


class FakeSsb:
    """Routes: 'metadata' and 'data' -> a callable(query) returning (status, content type, body), 'hang', or
    ("drip", body, seconds, n): the first n bytes of body one at a time, `seconds` apart, then the connection closes."""

    def __init__(self):
        self.requests: list[str] = []
        self.release = threading.Event()
        described = metadata(
            categories=CATEGORIES,
            countries=COUNTRIES,
            contents=CONTENTS,
            regions=(("5001", "Trondheim"), ("50", "Trøndelag"), ("0", "Hele landet")),
        )
        self.routes = {"metadata": lambda q: (200, "application/json", text(described)), "data": self.data}
        self.categories = CATEGORIES

    def data(self, query):
        if "codelist[Region]" in query:
            doc = answer((("K-5001", "Trondheim"),), categories=self.categories)
        else:
            doc = answer((("50", "Trøndelag"), ("0", "Hele landet")), categories=self.categories)
        return 200, "application/json", text(doc)

    def serve(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                fake.requests.append(self.path)
                parts = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parts.query))
                route = fake.routes[parts.path.rsplit("/", 1)[-1]]
                result = route(query)
                if result == "hang":
                    fake.release.wait(10)
                    return
                if result[0] == "drip":  # ("drip", body, seconds between bytes, bytes sent before closing)
                    _, payload, interval, count = result
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    for byte in payload[:count]:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        if fake.release.wait(interval):
                            return
                    return
                status, kind, body = result
                payload = body.encode() if isinstance(body, str) else body
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return server
