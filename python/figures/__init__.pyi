"""Type stubs for figures: the figures extractor for Python (see figures/__init__.py)."""

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import pyarrow

__version__: str
extractor_version: str
FIGURE_COLUMNS: Tuple[str, ...]

class CatalogError(ValueError):
    """The indicator catalog could not be read; the message is the CLI's (file, place, hint)."""

class Catalog:
    """An indicator catalog (``raw/catalog.toml``), read and checked once."""

    def __init__(self, path: Union[str, os.PathLike[str]]) -> None:
        """Read and check the catalog at ``path``.

        Raises:
            CatalogError: TOML syntax, schema or duplicate-alias error, with the CLI's message.
            FileNotFoundError: ``path`` does not exist.
        """
    @property
    def ids(self) -> List[str]:
        """The indicator ids, in file order."""
    def __len__(self) -> int: ...

def extract(
    text: str,
    catalog: Union[None, str, os.PathLike[str], Catalog] = None,
    *,
    id: str = "stdin",
) -> Dict[str, Any]:
    """The object ``figures extract --json`` prints: document, figures, changes, findings.

    Raises:
        CatalogError: the catalog is malformed.
        FileNotFoundError: the catalog path does not exist.
        TypeError: ``text`` is not a str, or ``catalog`` is of another type.
    """

def extract_arrow(
    texts: Union[Sequence[str], Any],
    ids: Optional[Union[Sequence[str], Any]] = None,
    catalog: Union[None, str, os.PathLike[str], Catalog] = None,
) -> pyarrow.Table:
    """The figures of many texts, one row per figure, as an Arrow table (columns FIGURE_COLUMNS).

    ``texts`` and ``ids`` are sequences of str or Arrow string arrays (anything with
    ``__arrow_c_array__`` or ``__arrow_c_stream__``). Extraction runs in parallel with the GIL
    released.

    Raises:
        ValueError: ids differ in length from texts, or an id is repeated or null.
        TypeError: texts or ids is a single str or not strings.
    """
