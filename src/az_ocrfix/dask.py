"""Scale-out on Dask: repair a bag of texts or a dataframe column on every worker of a cluster.

Each worker process builds its :class:`~az_ocrfix.corrector.Corrector` once (on the first
partition it sees) and keeps it for the following partitions, so the lexicon is loaded once per
process, not once per task.  The functions only build the task graph; ``compute`` (or
``persist``) runs it on whatever scheduler is active: threads, processes, a ``LocalCluster`` or
a multi-machine ``dask.distributed`` cluster (see ``docs/scaling.md``).

>>> import dask.bag as db
>>> bag = db.from_sequence(["Bu ilo bagh", "miiddoasi"], npartitions=2)
>>> fix_bag(bag).compute(scheduler="sync")
['Bu ilə bağlı', 'müddəası']
"""

from __future__ import annotations

from typing import Any

from az_ocrfix.config import FixConfig
from az_ocrfix.parallel import corrector_for

__all__ = ["fix_bag", "fix_dataframe", "fix_partition", "fix_series"]


def fix_partition(texts: Any, config: FixConfig | None = None) -> list[str]:
    """Repair one partition (an iterable of texts) with this process's corrector.

    >>> fix_partition(["yiiksok"])
    ['yüksək']
    """
    corrector = corrector_for(config)
    return [corrector.fix_document(t).text for t in texts]


def fix_series(series: Any, config: FixConfig | None = None) -> Any:
    """Repair a pandas Series of texts (missing values stay missing), keeping its index.

    >>> import pandas as pd
    >>> fix_series(pd.Series(["yiiksok", None])).tolist()
    ['yüksək', None]
    """
    import pandas as pd

    corrector = corrector_for(config)
    values = [None if pd.isna(t) else corrector.fix_document(str(t)).text for t in series]
    return pd.Series(values, index=series.index, name=series.name, dtype=object)


def fix_bag(bag: Any, config: FixConfig | None = None) -> Any:
    """A ``dask.bag.Bag`` of repaired texts, partition by partition (``map_partitions``).

    >>> import dask.bag as db
    >>> fix_bag(db.from_sequence(["Oliyevin"])).compute(scheduler="sync")
    ['Əliyevin']
    """
    return bag.map_partitions(fix_partition, config)


def fix_dataframe(
    df: Any, column: str, out_column: str | None = None, config: FixConfig | None = None
) -> Any:
    """A dask (or pandas) DataFrame with ``column`` repaired into ``out_column``.

    ``out_column`` defaults to ``column`` (repair in place); other columns are untouched.

    >>> import pandas as pd, dask.dataframe as dd
    >>> pdf = pd.DataFrame({"id": [1, 2], "t": ["yiiksok", "miiddoasi"]})
    >>> df = dd.from_pandas(pdf, npartitions=2)
    >>> fix_dataframe(df, "t", "fixed").compute(scheduler="sync")["fixed"].tolist()
    ['yüksək', 'müddəası']
    """
    out = out_column or column

    def partition(pdf: Any) -> Any:
        pdf = pdf.copy()
        pdf[out] = fix_series(pdf[column], config)
        return pdf

    if not hasattr(df, "map_partitions"):  # a plain pandas DataFrame
        return partition(df)
    meta = df._meta.copy()
    meta[out] = meta[column].astype(object)
    return df.map_partitions(partition, meta=meta)
