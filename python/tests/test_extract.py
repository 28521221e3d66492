"""figures.extract: the object `figures extract --json` prints, and the CLI's errors."""

import json
import shutil

import pytest

import figures
from conftest import CATALOG, RAW, TEXTS, read

SEED = RAW / "jiangxi-kejiting-2022-wunian-huigu.txt"


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_text_equals_the_cli_output(path, cli_json):
    assert figures.extract(read(path), CATALOG, id=path.stem) == cli_json[path]


def test_the_seed_equals_the_cli_output_with_a_catalog_read_once(cli_json):
    catalog = figures.Catalog(CATALOG)
    x = figures.extract(read(SEED), catalog, id=SEED.stem)
    assert x == cli_json[SEED]
    assert len(x["figures"]) > 0 and len(x["changes"]) > 0
    assert any(c["indicator_id"] for c in x["changes"])


def test_defaults_are_standard_input_and_no_catalog(cli, tmp_path):
    text = read(SEED)
    out = cli("extract", "--json", "--catalog", tmp_path / "none.toml", "-", input=text.encode())
    x = figures.extract(text)
    assert x == json.loads(out.stdout)
    assert x["document"]["id"] == "stdin"
    assert all(c["indicator_id"] is None for c in x["changes"])


def test_a_path_like_catalog_is_accepted():
    assert figures.extract("研发投入从1.28%提高到1.7%。", CATALOG) == figures.extract("研发投入从1.28%提高到1.7%。", str(CATALOG))


def test_the_catalog_object_lists_its_indicators():
    catalog = figures.Catalog(CATALOG)
    assert len(catalog) == len(catalog.ids) > 0
    assert len(set(catalog.ids)) == len(catalog)


BAD_CATALOGS = {
    "syntax": "[[indicator]\nid = 1\n",
    "schema": '[[indicator]]\nid = "Bad Id"\nname_zh = "x"\nname_en = "x"\nkind = "money"\nunit = "CNY"\ndefinition = "x"\naliases = ["x"]\n',
    "unknown-key": '[[indicator]]\nid = "a"\nname_zh = "x"\nname_en = "x"\nkind = "money"\nunit = "CNY"\ndefinition = "x"\naliases = ["x"]\ncolour = "red"\n',
    "wrong-type": '[[indicator]]\nid = "a"\nname_zh = "x"\nname_en = "x"\nkind = "money"\nunit = "yuan"\ndefinition = "x"\naliases = "x"\n',
    "duplicate-alias": "".join(
        f'[[indicator]]\nid = "{i}"\nname_zh = "x"\nname_en = "x"\nkind = "money"\nunit = "CNY"\ndefinition = "x"\naliases = ["成交额"]\n'
        for i in ("a", "b")
    ),
    "not-utf8": b"[[indicator]]\nid = \"\xff\"\n",
}


@pytest.mark.parametrize("name", sorted(BAD_CATALOGS))
def test_a_bad_catalog_raises_the_cli_message(name, cli, tmp_path):
    path = tmp_path / f"{name}.toml"
    body = BAD_CATALOGS[name]
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    out = cli("extract", "--json", "--catalog", path, SEED, check=False)
    assert out.returncode == 2
    expected = out.stderr.decode().strip().removeprefix("error: ")
    with pytest.raises(figures.CatalogError) as e:
        figures.extract("约30亿元", path)
    assert str(e.value) == expected
    with pytest.raises(figures.CatalogError):
        figures.Catalog(path)
    assert isinstance(e.value, ValueError)


def test_a_missing_catalog_is_an_error_not_an_empty_catalog(tmp_path):
    with pytest.raises(FileNotFoundError, match="none.toml: no such catalog file"):
        figures.extract("约30亿元", tmp_path / "none.toml")


def test_the_committed_catalog_copied_elsewhere_reads_the_same(tmp_path):
    copy = tmp_path / "catalog.toml"
    shutil.copy(CATALOG, copy)
    assert figures.Catalog(copy).ids == figures.Catalog(CATALOG).ids


@pytest.mark.parametrize("bad", [b"bytes", 3, None])
def test_text_must_be_a_str(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        figures.extract(bad)


def test_catalog_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="catalog must be None, a path"):
        figures.extract("约30亿元", 42)


def test_a_number_too_long_for_exact_arithmetic_is_a_finding():
    x = figures.extract("共" + "9" * 40 + "元。")
    assert x["figures"] == []
    assert [f["code"] for f in x["findings"]] == ["number-overflow"]


def test_version_names_the_extractor():
    assert figures.extractor_version.startswith(figures.__version__ + "+")


def test_each_figure_names_the_sentence_that_holds_it_and_each_sentence_comes_once():
    text = "全省技术合同成交额达到1200.5亿元，同比增长25.3%。高新技术企业有3000家。"
    x = figures.extract(text)
    sentences = {s["index"]: s for s in x["sentences"]}
    assert len(x["figures"]) == 3 and len(sentences) == len(x["sentences"]) == 2
    for f in x["figures"]:
        s = sentences[f["sentence_index"]]
        assert s["start"] <= f["start"] and f["end"] <= s["end"]
        assert text[s["start"]:s["end"]] == s["text"]
