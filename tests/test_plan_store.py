"""Plan revisions in the store (schema migration 2) on SQLite and PostgreSQL: append-only, the optimistic check
on the revision number, and a batch written all or nothing."""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from analytics import store as store_module
from analytics.store import LATEST, PlanChange, PlanConflict, Report, Store, sqlite_url
from tests.conftest import new_postgres_database

HOSTILE = '<img src=x onerror=alert(1)> [lenke](http://x) =HYPERLINK("http://x")'


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "status.sqlite")
    return new_postgres_database(request.getfixturevalue("postgres_url"))


def change(measure_id="a", based_on=0, author="Kari", **content) -> PlanChange:
    return PlanChange("trondheim", measure_id, based_on, {"title_nb": "Tittel", "state": "utkast", **content}, author)


def test_a_version_1_database_is_upgraded_and_keeps_its_reports(url, monkeypatch):
    monkeypatch.setattr(store_module, "LATEST", 1)
    old = Store(url)
    old.add([Report("trondheim", "m1", "2025", "i_rute", reporter="Kari")])
    assert old.version() == 1
    old.dispose()
    monkeypatch.setattr(store_module, "LATEST", LATEST)
    upgraded = Store(url)
    assert upgraded.version() == LATEST >= 2
    assert upgraded.reports()["measure_id"].tolist() == ["m1"]
    assert upgraded.plan_revisions().empty


def test_revisions_are_numbered_per_measure_and_stored_verbatim(url):
    store = Store(url)
    assert store.add_plan_changes([change("a", 0, title_nb=HOSTILE), change("b", 0)]) == 2
    store.add_plan_changes([change("a", 1, author="Ola", title_nb="Ny")])
    frame = store.plan_revisions("trondheim")
    assert frame[["measure_id", "revision", "author"]].values.tolist() == [
        ["a", 1, "Kari"],
        ["b", 1, "Kari"],
        ["a", 2, "Ola"],
    ]
    assert frame["content"].iloc[0]["title_nb"] == HOSTILE
    assert frame["batch"].iloc[0] == frame["batch"].iloc[1] != frame["batch"].iloc[2]
    assert store.plan_revision_key("trondheim") == (3, int(frame["id"].max()))
    assert store.plan_revisions("kuopio").empty


def test_a_save_based_on_an_old_revision_is_refused_naming_who_changed_it(url):
    store = Store(url)
    store.add_plan_changes([change("a", 0)])
    store.add_plan_changes([change("a", 1, author="Ola", due="2030-01-01")])
    with pytest.raises(PlanConflict, match="endret av Ola") as refused:
        store.add_plan_changes([change("a", 1, author="Kari", title_nb="Min endring")])
    assert [r["revision"] for r in refused.value.newer] == [2]
    assert refused.value.newer[0]["content"]["due"] == "2030-01-01"
    assert store.plan_revisions()["revision"].tolist() == [1, 2]


def test_a_batch_with_one_conflict_writes_nothing(url):
    store = Store(url)
    store.add_plan_changes([change("b", 0)])
    with pytest.raises(PlanConflict):
        store.add_plan_changes([change("a", 0), change("c", 0), change("b", 0)])
    assert store.plan_revisions()["measure_id"].tolist() == ["b"]


def test_the_database_refuses_update_and_delete_of_a_revision(url):
    store = Store(url)
    store.add_plan_changes([change("a", 0)])
    for statement in ("UPDATE plan_revisions SET author = 'x'", "DELETE FROM plan_revisions"):
        with pytest.raises(sa.exc.DatabaseError, match="kan ikke"), store.engine.begin() as connection:
            connection.exec_driver_sql(statement)
    assert store.plan_revisions()["author"].tolist() == ["Kari"]


def test_too_long_an_author_is_refused_the_same_way_on_both_databases(url):
    store = Store(url)
    with pytest.raises(store_module.StoreError, match="høyst 200 tegn"):
        store.add_plan_changes([change("a", 0, author="x" * 201)])
    assert store.plan_revisions().empty


def test_two_servers_saving_the_same_revision_at_once_one_wins_the_other_gets_the_conflict(postgres_url):
    """Server A has inserted revision 1 but not committed; server B checks (sees nothing yet), inserts revision 1
    too and waits on the unique index; when A commits, B's save is refused as a conflict naming A's author."""
    url = new_postgres_database(postgres_url)
    first, second = Store(url), Store(url)
    outcome: dict = {}
    with first.engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(
            store_module.plan_revisions.insert().values(
                organisation="trondheim",
                measure_id="a",
                revision=1,
                content="{}",
                author="Ola",
                changed_at=store_module._now(),
                batch="a",
            )
        )

        def save():
            try:
                second.add_plan_changes([change("a", 0, author="Kari")])
            except PlanConflict as error:
                outcome["conflict"] = error

        thread = threading.Thread(target=save)
        thread.start()
        with first.engine.connect() as watcher:  # B is waiting on A's uncommitted row
            query = sa.text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            for _ in range(600):
                if watcher.execute(query).scalar():
                    break
                time.sleep(0.05)  # polling a state, bounded; the assertion below does not depend on timing
        transaction.commit()
    thread.join(timeout=60)
    assert "Ola" in str(outcome["conflict"])
    assert second.plan_revisions()["author"].tolist() == ["Ola"]
