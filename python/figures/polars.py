"""Polars interface: extract the figures of a frame of texts into a ``polars.DataFrame``.

The texts column is handed to Rust as Arrow (no Python string per text) and the figures come
back as Arrow: ``polars.from_arrow`` takes the table's buffers without copying them (polars'
strings are Arrow ``string_view``, the table's string type).
"""

from __future__ import annotations

import polars as pl

from figures import extract_arrow

__all__ = ["extract"]


def extract(df: pl.DataFrame, text: str = "text", id: str = "id") -> pl.DataFrame:
    """The figures of every text in ``df``, one row per figure.

    Args:
        df: a frame with a column of texts and a column of document ids.
        text: the name of the texts column.
        id: the name of the ids column (unique, not null), which becomes ``document_id`` and
            the prefix of every figure id.

    Returns:
        A frame with the columns of :data:`figures.FIGURE_COLUMNS`.

    Raises:
        KeyError: ``df`` has no column named ``text`` or ``id``.
        ValueError: an id is repeated or null.
    """
    for name in (text, id):
        if name not in df.columns:
            raise KeyError(f"the frame has no column {name!r} (columns: {', '.join(df.columns)})")
    table = extract_arrow(df.get_column(text), df.get_column(id).cast(pl.String))
    frame = pl.from_arrow(table, rechunk=False)
    assert isinstance(frame, pl.DataFrame)
    return frame
