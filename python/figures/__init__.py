"""figures: exact, traceable figures from Chinese government science-and-technology reports.

The extractor of the ``figures`` command, for Python. It reads decoded text and returns every
figure the text states (value, unit, qualifier and the bounds it implies, traced to its exact
characters and to its sentence), the changes that link them, and what it noticed on the way.

* :func:`extract` — one text in, the object ``figures extract --json`` prints out.
* :func:`extract_arrow` — many texts in, one ``pyarrow.Table`` of figures out, built in Rust,
  handed over through the Arrow C data interface, extracted in parallel with the GIL released.
* :mod:`figures.polars` — the same table as a ``polars.DataFrame``, from a frame of texts.

Errors: :class:`CatalogError` (a ``ValueError``) carries the CLI's message for a bad catalog,
naming the file, the place in it and what to do.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Optional, Sequence, Union

from figures._figures import Catalog, CatalogError, extract_json as _extract_json
from figures._figures import extract_arrow as _extract_arrow
from figures._figures import version as _version

__all__ = ["Catalog", "CatalogError", "extract", "extract_arrow", "FIGURE_COLUMNS", "__version__", "extractor_version"]

#: The figures table's columns, in order: the fields of the figure record
#: (``schemas/figure.schema.json``) and the columns of the CLI's ``figures.parquet``.
FIGURE_COLUMNS = (
    "id", "document_id", "start", "end", "byte_start", "byte_end", "text", "value", "value_exact",
    "unit", "kind", "measure_word", "unit_text", "qualifier", "projected", "role", "lower", "upper",
    "sentence_index", "item", "ranked", "share_of", "indicator_id", "period", "period_basis",
    "period_words", "region",
)  # fmt: skip

#: The extractor's version: its crate version and a hash of its source, as in ``manifest.jsonl``.
extractor_version: str = _version()
__version__: str = extractor_version.split("+", 1)[0]


def extract(
    text: str,
    catalog: Union[None, str, "os.PathLike[str]", Catalog] = None,
    *,
    id: str = "stdin",
) -> Dict[str, Any]:
    """Extract the figures and changes of one text.

    Returns the object ``figures extract --json`` prints for the same text, as plain Python
    values: ``{"document": {"id", "chars", "bytes"}, "figures": [...], "sentences": [...],
    "changes": [...], "findings": [...], "rejected": [...]}`` (sentences: each sentence that
    holds a figure, once, with its section and block, which a figure names by its
    ``sentence_index``; rejected: every numeral that is not a figure, with its class). Figures and changes follow ``schemas/figure.schema.json`` and
    ``schemas/change.schema.json``; a change's derived measures are null (they need the
    document's period, which only ``figures run`` reads from the sidecar).

    Args:
        text: the decoded text.
        catalog: the indicator catalog that names change subjects: a path to a catalog TOML file
            (``raw/catalog.toml``), a :class:`Catalog` read once and reused, or None for no
            catalog (every ``indicator_id`` is null).
        id: the document id that record ids start with. The CLI names a file's text after the
            file's stem and standard input ``stdin``, the default here.

    Raises:
        CatalogError: the catalog is malformed (the CLI's message: file, place, hint).
        FileNotFoundError: the catalog path does not exist.
        TypeError: ``text`` is not a str or ``catalog`` is none of the above.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if isinstance(catalog, os.PathLike):
        catalog = os.fspath(catalog)
    return json.loads(_extract_json(text, catalog, id=id))


def extract_arrow(
    texts: Any,
    ids: Optional[Union[Sequence[str], Any]] = None,
    catalog: Union[None, str, "os.PathLike[str]", Catalog] = None,
) -> "pyarrow.Table":  # noqa: F821
    """Extract the figures of many texts into one Arrow table, one row per figure.

    The table is built in Rust and handed over through the Arrow C stream interface
    (``__arrow_c_stream__``, a PyCapsule): no Python object is made per row. Texts are
    extracted in parallel on every core with the GIL released. Columns are
    :data:`FIGURE_COLUMNS`, with the types of the CLI's ``figures.parquet``: strings as
    ``string_view``, offsets ``int64``, ``sentence_index`` ``int32``, values ``float64``,
    ``projected`` ``bool``; nullable where the record schema allows null. Rows come in the order
    of the texts, and within a text in the order of the figures.

    Args:
        texts: a sequence of str, or any Arrow array or chunked array of strings (``pyarrow``,
            ``polars.Series``, anything with ``__arrow_c_array__`` or ``__arrow_c_stream__``),
            read in place. A null text has no figures.
        ids: one document id per text (same kinds as ``texts``), unique and not null; by
            default the texts' positions, ``"0"``, ``"1"``, …
        catalog: the indicator catalog that names each figure's ``indicator_id``, as for
            :func:`extract`; None for no catalog (every ``indicator_id`` is null).

    Raises:
        ValueError: ``ids`` and ``texts`` differ in length, or an id is repeated or null.
        TypeError: ``texts`` or ``ids`` is a single str or holds something else than strings.
    """
    return _extract_arrow(texts, ids, catalog)
