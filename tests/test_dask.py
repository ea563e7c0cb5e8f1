"""Dask helpers on a real dask.distributed LocalCluster with two worker processes."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from az_ocrfix.api import fix
from az_ocrfix.config import FixConfig
from az_ocrfix.dask import fix_bag, fix_dataframe
from az_ocrfix.parallel import corrector_for

TEXTS = [
    "Prezident ilham Oliyevin 14 fevral 2024-cii ildo",
    "votondas comiy-\nyotinin yaradilmasi ilo bagh",
    "Azərbaycan Respublikası",
    "QHT-lorin comiyyotdo yeri, rolu",
    "Bu giin Azorbaycan QHT sektorunda boyiik bir canlanma",
    "miiddoasi xiisusi vurgulanib",
    "",
    "hesabatliliq artir",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_the_cluster_runs_two_worker_processes(client: Client) -> None:
    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids


def test_fix_bag_equals_fix_one_at_a_time(client: Client) -> None:
    bag = db.from_sequence(TEXTS, npartitions=4)
    assert fix_bag(bag).compute() == [fix(t) for t in TEXTS]
    # one corrector per worker process, built on its first partition and reused after
    built = client.run(lambda: corrector_for.cache_info().misses)
    used = client.run(lambda: corrector_for.cache_info().hits + corrector_for.cache_info().misses)
    assert all(n <= 1 for n in built.values())
    assert sum(used.values()) >= 4


def test_fix_bag_with_a_config(client: Client) -> None:
    cfg = FixConfig(join_lines=False)
    bag = db.from_sequence(TEXTS, npartitions=3)
    assert fix_bag(bag, cfg).compute() == [fix(t, cfg) for t in TEXTS]


def test_fix_dataframe_adds_a_column_and_keeps_the_rest(client: Client) -> None:
    pdf = pd.DataFrame(
        {"id": range(len(TEXTS)), "text": TEXTS}, index=[f"d{i}" for i in range(len(TEXTS))]
    )
    ddf = dd.from_pandas(pdf, npartitions=3)
    out = fix_dataframe(ddf, "text", "fixed").compute()
    assert list(out.columns) == ["id", "text", "fixed"]
    assert list(out.index) == list(pdf.index)
    assert out["fixed"].tolist() == [fix(t) for t in TEXTS]
    assert out["text"].tolist() == TEXTS and out["id"].tolist() == list(range(len(TEXTS)))


def test_fix_dataframe_in_place_keeps_missing_values(client: Client) -> None:
    pdf = pd.DataFrame({"text": ["Bu ilo bagh", None, "miiddoasi"]})
    out = fix_dataframe(dd.from_pandas(pdf, npartitions=2), "text").compute()
    assert out["text"].tolist()[0::2] == ["Bu ilə bağlı", "müddəası"]
    assert pd.isna(out["text"].tolist()[1])
