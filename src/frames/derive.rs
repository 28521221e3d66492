//! Derive: computes every derived measure with Polars' lazy API — per change the absolute and
//! relative change, multiple, compound annual growth, percentage-point change and places gained;
//! per indicator the stated and derived values by year, including GDP implied by R&D expenditure
//! over R&D intensity — each carrying lower and upper bounds by interval arithmetic.
//!
//! Inputs and outputs are the record types; the frames never leave this module. A null bound means unbounded, and nulls propagate through arithmetic,
//! so an open-ended qualifier (超10亿元) gives an open-ended measure rather than a made-up number.

use std::collections::{BTreeMap, HashMap};

use polars::prelude::*;

use crate::catalog::Catalog;
use crate::findings::{Finding, Severity};
use crate::records::{Change, Direction, Document, Figure, IndicatorValue, Measures, Provenance, Relation, Role, UNKNOWN, Unit};

/// Units whose ratios mean something (amounts and counts, not positions, years or percentages).
fn ratio_unit(u: Unit) -> bool {
    matches!(u, Unit::Cny | Unit::Usd | Unit::Count | Unit::Mu | Unit::Hectare | Unit::SquareKilometre | Unit::Kilogram | Unit::Tonne)
}

fn f64_col(name: &str, v: Vec<Option<f64>>) -> Column {
    Column::new(name.into(), v)
}

fn bool_col(name: &str, v: Vec<bool>) -> Column {
    Column::new(name.into(), v)
}

fn get(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    Ok(df.column(name)?.f64()?.iter().collect())
}

/// Rounds to 12 significant digits, so that 1.7 − 1.28 reads 0.42, not 0.41999999999999993.
/// Inputs carry at most 28 digits but only a handful of significant ones; 12 keeps every digit a
/// text can state while dropping binary noise.
fn tidy(x: f64) -> Option<f64> {
    x.is_finite().then(|| format!("{x:.11e}").parse().unwrap_or(x))
}

fn null() -> Expr {
    lit(NULL).cast(DataType::Float64)
}

/// Half a unit of the last digit a percentage or percentage-point figure writes, the rounding
/// its exact value hides (11.6% → 0.05); zero for other units and for qualified figures, whose
/// bounds already say how far they may be.
fn rounding(f: &Figure) -> f64 {
    let stated_rounded = matches!(f.unit, Unit::Percent | Unit::PercentagePoint) && f.qualifier.is_none();
    if stated_rounded { f.half_last_place() } else { 0.0 }
}

/// How many significant digits an exact decimal string writes (490.69 → 5, 0.0725 → 3, 2000 → 4).
fn significant_digits(exact: &str) -> u32 {
    let digits: String = exact.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').len().max(1) as u32
}

/// The significant digits of the growth factor `1 + sign·rate/100`, computed exactly
/// (74.21% up → 1.7421 → 5; 3.25% down → 0.9675 → 4).
fn growth_factor_digits(rate_exact: &str, sign: f64) -> Option<u32> {
    let rate: rust_decimal::Decimal = rate_exact.parse().ok()?;
    let step = rate / rust_decimal::Decimal::ONE_HUNDRED;
    let factor = if sign < 0.0 { rust_decimal::Decimal::ONE - step } else { rust_decimal::Decimal::ONE + step };
    Some(significant_digits(&factor.normalize().to_string()))
}

/// `x` rounded to `n` significant digits by `how` (round, or floor and ceil for bounds).
fn round_significant(x: f64, n: u32, how: fn(f64) -> f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(n as i32 - 1 - x.abs().log10().floor() as i32);
    tidy(how(x * scale) / scale).unwrap_or(x)
}

/// `a ÷ b` for intervals of positive numbers: [a_lo ÷ b_hi, a_hi ÷ b_lo].
fn ratio(a: &str, b: &str) -> [Expr; 3] {
    [
        col(format!("{a}_v")) / col(format!("{b}_v")),
        col(format!("{a}_lo")) / col(format!("{b}_hi")),
        col(format!("{a}_hi")) / col(format!("{b}_lo")),
    ]
}

type FigurePart = fn(&Figure) -> Option<f64>;

/// Fills each change's [`Measures`] from its figures and its document's period.
pub fn change_measures(changes: &mut [Change], figures: &[Figure], documents: &[Document]) -> PolarsResult<()> {
    let fig: HashMap<&str, &Figure> = figures.iter().map(|f| (f.id.as_str(), f)).collect();
    let docs: HashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let pick = |id: Option<&str>, part: fn(&Figure) -> Option<f64>| id.and_then(|i| fig.get(i)).and_then(|f| part(f));
    let mut cols = Vec::new();
    type EndId = fn(&Change) -> Option<&str>;
    let ends: [(&str, EndId); 3] =
        [("from", |c| c.from_id.as_deref()), ("to", |c| Some(c.to_id.as_str())), ("rate", |c| c.rate_id.as_deref())];
    for (name, id_of) in ends {
        // A stated rate is rounded to its last written digit (11.6% means 11.55–11.65), so the
        // levels derived from it are as uncertain as that rounding.
        let (lower, upper): (FigurePart, FigurePart) = if name == "rate" {
            (|f| f.lower.map(|l| l - rounding(f)), |f| f.upper.map(|u| u + rounding(f)))
        } else {
            (|f| f.lower, |f| f.upper)
        };
        cols.push(f64_col(&format!("{name}_v"), changes.iter().map(|c| pick(id_of(c), |f| Some(f.value))).collect()));
        cols.push(f64_col(&format!("{name}_lo"), changes.iter().map(|c| pick(id_of(c), lower)).collect()));
        cols.push(f64_col(&format!("{name}_hi"), changes.iter().map(|c| pick(id_of(c), upper)).collect()));
    }
    let unit_of = |c: &Change| fig.get(c.to_id.as_str()).map(|f| f.unit);
    let rate_unit = |c: &Change| c.rate_id.as_deref().and_then(|i| fig.get(i)).map(|f| f.unit);
    let sign = |c: &Change| match c.direction {
        Direction::Up => 1.0,
        Direction::Down => -1.0,
        Direction::Flat => 0.0,
    };
    let years = |c: &Change| {
        let end_year = |id: Option<&str>| id.and_then(|i| fig.get(i)).and_then(|f| year_of(f));
        let stated = end_year(c.from_id.as_deref()).zip(end_year(Some(c.to_id.as_str())));
        let sidecar = || docs.get(c.document_id.as_str()).and_then(|d| d.period_start.zip(d.period_end));
        let (a, b) = stated.or_else(sidecar)?;
        let span = f64::from(b - a);
        (c.relation == Relation::BeforeAfter && span > 0.0).then_some(span)
    };
    cols.push(f64_col("sign", changes.iter().map(|c| Some(sign(c))).collect()));
    cols.push(f64_col("years", changes.iter().map(years).collect()));
    cols.push(bool_col("rate_pct", changes.iter().map(|c| rate_unit(c) == Some(Unit::Percent)).collect()));
    cols.push(bool_col("rate_same", changes.iter().map(|c| rate_unit(c).is_some() && rate_unit(c) == unit_of(c)).collect()));
    cols.push(bool_col(
        "rate_pp",
        changes.iter().map(|c| rate_unit(c) == Some(Unit::PercentagePoint) && unit_of(c) == Some(Unit::Percent)).collect(),
    ));
    cols.push(bool_col("is_pct", changes.iter().map(|c| unit_of(c) == Some(Unit::Percent)).collect()));
    cols.push(bool_col("is_rank", changes.iter().map(|c| unit_of(c) == Some(Unit::Rank)).collect()));
    cols.push(bool_col("is_ratio", changes.iter().map(|c| unit_of(c).is_some_and(ratio_unit)).collect()));
    let df = DataFrame::new_infer_height(cols)?;

    // A growth rate r% (sign s) gives the earlier level: to ÷ (1 + s·r/100); an increment (新增2000家,
    // 提高2个百分点) gives to − s·r. The bounds take the rate's end that widens the interval.
    let g_a = lit(1.0) + col("sign") * col("rate_lo") / lit(100.0);
    let g_b = lit(1.0) + col("sign") * col("rate_hi") / lit(100.0);
    let up = col("sign").gt_eq(lit(0.0));
    let (g_min, g_max) = (when(up.clone()).then(g_a.clone()).otherwise(g_b.clone()), when(up.clone()).then(g_b).otherwise(g_a));
    let (d_a, d_b) = (col("sign") * col("rate_lo"), col("sign") * col("rate_hi"));
    let (d_min, d_max) = (when(up.clone()).then(d_a.clone()).otherwise(d_b.clone()), when(up).then(d_b).otherwise(d_a));
    let by_increment = col("rate_same").or(col("rate_pp"));
    let derived_from = |stated: &str, by_rate: Expr, by_step: Expr| {
        when(col(stated).is_not_null())
            .then(col(stated))
            .when(col("rate_pct"))
            .then(by_rate)
            .when(by_increment.clone())
            .then(by_step)
            .otherwise(null())
    };
    let out = df
        .lazy()
        .with_columns([
            derived_from(
                "from_v",
                col("to_v") / (lit(1.0) + col("sign") * col("rate_v") / lit(100.0)),
                col("to_v") - col("sign") * col("rate_v"),
            )
            .alias("from_v"),
            derived_from("from_lo", col("to_lo") / g_max, col("to_lo") - d_max).alias("from_lo"),
            derived_from("from_hi", col("to_hi") / g_min, col("to_hi") - d_min).alias("from_hi"),
        ])
        .with_columns({
            let [m, m_lo, m_hi] = ratio("to", "from");
            let positive = col("is_ratio").and(col("from_lo").gt(lit(0.0)).or(col("from_lo").is_null()));
            let ratio_only = |e: Expr| when(positive.clone()).then(e).otherwise(null());
            let pct_only = |e: Expr| when(col("is_pct")).then(e).otherwise(null());
            vec![
                (col("to_v") - col("from_v")).alias("absolute_change"),
                (col("to_lo") - col("from_hi")).alias("absolute_change_lower"),
                (col("to_hi") - col("from_lo")).alias("absolute_change_upper"),
                ratio_only(m).alias("multiple"),
                ratio_only(m_lo).alias("multiple_lower"),
                ratio_only(m_hi).alias("multiple_upper"),
                pct_only(col("to_v") - col("from_v")).alias("pp_change"),
                pct_only(col("to_lo") - col("from_hi")).alias("pp_change_lower"),
                pct_only(col("to_hi") - col("from_lo")).alias("pp_change_upper"),
                when(col("is_rank")).then(col("from_v") - col("to_v")).otherwise(null()).alias("places_gained"),
            ]
        })
        .with_columns({
            let pct = |m: &str| (col(m) - lit(1.0)) * lit(100.0);
            let cagr = |m: &str| (col(m).pow(lit(1.0) / col("years")) - lit(1.0)) * lit(100.0);
            vec![
                pct("multiple").alias("relative_change_pct"),
                pct("multiple_lower").alias("relative_change_pct_lower"),
                pct("multiple_upper").alias("relative_change_pct_upper"),
                cagr("multiple").alias("cagr_pct"),
                cagr("multiple_lower").alias("cagr_pct_lower"),
                cagr("multiple_upper").alias("cagr_pct_upper"),
            ]
        })
        .collect()?;

    let column = |name: &str| get(&out, name);
    let names = [
        "from_v",
        "from_lo",
        "from_hi",
        "to_v",
        "to_lo",
        "to_hi",
        "absolute_change",
        "absolute_change_lower",
        "absolute_change_upper",
        "relative_change_pct",
        "relative_change_pct_lower",
        "relative_change_pct_upper",
        "multiple",
        "multiple_lower",
        "multiple_upper",
        "cagr_pct",
        "cagr_pct_lower",
        "cagr_pct_upper",
        "pp_change",
        "pp_change_lower",
        "pp_change_upper",
        "places_gained",
        "years",
    ];
    let values: Vec<Vec<Option<f64>>> = names.iter().map(|n| column(n)).collect::<PolarsResult<_>>()?;
    for (i, c) in changes.iter_mut().enumerate() {
        let v = |k: usize| values[k][i].and_then(tidy);
        // A level derived from a growth rate has no more significant digits than the level and
        // the growth factor it is divided by: 490.69亿元 after 74.21% growth (× 1.7421) was
        // 281.67亿元, not 281.6658亿元. Its bounds round outwards, so they still hold it.
        let digits = match (c.from_id.as_deref(), c.rate_id.as_deref().and_then(|r| fig.get(r)), fig.get(c.to_id.as_str())) {
            (None, Some(rate), Some(to)) if rate.unit == Unit::Percent => {
                growth_factor_digits(&rate.value_exact, sign(c)).map(|g| g.min(significant_digits(&to.value_exact)))
            }
            _ => None,
        };
        let derived = |k: usize, how: fn(f64) -> f64| v(k).map(|x| digits.map_or(x, |n| round_significant(x, n, how)));
        c.measures = Measures {
            unit: unit_of(c),
            from_value: derived(0, f64::round),
            from_lower: derived(1, f64::floor),
            from_upper: derived(2, f64::ceil),
            to_value: v(3),
            to_lower: v(4),
            to_upper: v(5),
            absolute_change: derived(6, f64::round),
            absolute_change_lower: derived(7, f64::floor),
            absolute_change_upper: derived(8, f64::ceil),
            relative_change_pct: v(9),
            relative_change_pct_lower: v(10),
            relative_change_pct_upper: v(11),
            multiple: v(12),
            multiple_lower: v(13),
            multiple_upper: v(14),
            cagr_pct: v(15),
            cagr_pct_lower: v(16),
            cagr_pct_upper: v(17),
            pp_change: v(18),
            pp_change_lower: v(19),
            pp_change_upper: v(20),
            places_gained: v(21),
            years: v(22),
        };
    }
    Ok(())
}

/// The region an indicator value of `f` is about: the one the text names for it (a place
/// below the document's province takes the document's code), else the document's own; none when
/// the document has no sidecar to name its region.
fn region_of(f: &Figure, doc: &Document) -> Option<String> {
    let known = doc.region != UNKNOWN;
    match f.region.as_deref() {
        None => known.then(|| doc.region_code.clone()),
        Some(r) => match r.strip_prefix("document/") {
            Some(place) => known.then(|| format!("{}/{place}", doc.region_code)),
            None => Some(r.to_string()),
        },
    }
}

/// The year a figure is about, when its period is one whole year.
fn year_of(f: &Figure) -> Option<i32> {
    f.period.as_deref().and_then(|p| p.parse().ok())
}

/// The indicator table, one row per document, region, indicator and year: every level, share or
/// rank that states a catalog indicator for one year (both ends of a before→after among them),
/// earlier levels derived from growth rates, and GDP implied by R&D expenditure ÷ R&D intensity.
/// Where one document states a key twice, its first statement stands.
pub fn indicator_values(
    changes: &[Change],
    figures: &[Figure],
    documents: &[Document],
    catalog: &Catalog,
) -> PolarsResult<Vec<IndicatorValue>> {
    let fig: HashMap<&str, &Figure> = figures.iter().map(|f| (f.id.as_str(), f)).collect();
    let docs: HashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut rows: BTreeMap<(String, String, String, i32), IndicatorValue> = BTreeMap::new();
    let mut add = |doc: &Document,
                   region: String,
                   indicator_id: &str,
                   year: i32,
                   value: (f64, Option<f64>, Option<f64>),
                   unit: Unit,
                   source: Source| {
        let Some(ind) = catalog.get(indicator_id) else { return };
        rows.entry((doc.id.clone(), region.clone(), indicator_id.to_string(), year)).or_insert_with(|| IndicatorValue {
            document_id: doc.id.clone(),
            region_code: region,
            indicator_id: indicator_id.to_string(),
            name_en: ind.name_en.clone(),
            name_zh: ind.name_zh.clone(),
            year,
            value: value.0,
            lower: value.1,
            upper: value.2,
            unit,
            provenance: if matches!(source, Source::Figure(_)) { Provenance::Stated } else { Provenance::Derived },
            source_figure_id: match source {
                Source::Figure(id) => Some(id.to_string()),
                Source::Growth(_) => None,
            },
            source_change_id: match source {
                Source::Growth(id) => Some(id.to_string()),
                Source::Figure(_) => None,
            },
            divisor_figure_id: None,
        });
    };
    for f in figures.iter().filter(|f| f.role != Role::Change) {
        let (Some(ind), Some(doc), Some(year)) = (f.indicator_id.as_deref(), docs.get(f.document_id.as_str()), year_of(f)) else {
            continue;
        };
        let Some(region) = region_of(f, doc) else { continue };
        add(doc, region, ind, year, (f.value, f.lower, f.upper), f.unit, Source::Figure(&f.id));
    }
    for c in changes.iter().filter(|c| c.relation == Relation::Growth) {
        let (Some(ind), Some(doc), Some(to)) = (c.indicator_id.as_deref(), docs.get(c.document_id.as_str()), fig.get(c.to_id.as_str()))
        else {
            continue;
        };
        let (Some(year), Some(region), Some(v)) = (year_of(to), region_of(to, doc), c.measures.from_value) else { continue };
        add(doc, region, ind, year - 1, (v, c.measures.from_lower, c.measures.from_upper), to.unit, Source::Growth(&c.id));
    }
    let mut out: Vec<IndicatorValue> = rows.into_values().collect();
    out.extend(implied_gdp(&out, &docs, catalog)?);
    out.sort_by(|a, b| {
        (&a.document_id, &a.region_code, &a.indicator_id, a.year).cmp(&(&b.document_id, &b.region_code, &b.indicator_id, b.year))
    });
    Ok(out)
}

/// Where a row comes from: the figure that states it, or the growth statement it is derived from.
#[derive(Clone, Copy)]
enum Source<'a> {
    Figure(&'a str),
    Growth(&'a str),
}

/// The values stated so far for each region, indicator and year, to catch two documents
/// disagreeing about one of them.
#[derive(Debug, Default)]
pub struct Panel {
    seen: HashMap<(String, String, i32), IndicatorValue>,
}

impl Panel {
    /// A finding for each stated row whose bounds exclude a value another document stated for
    /// the same region, indicator and year (the first document's row is the one kept in mind).
    pub fn conflicts(&mut self, rows: &[IndicatorValue]) -> Vec<Finding> {
        let mut out = Vec::new();
        for r in rows.iter().filter(|r| r.provenance == Provenance::Stated) {
            let key = (r.region_code.clone(), r.indicator_id.clone(), r.year);
            match self.seen.get(&key) {
                Some(first) if first.document_id != r.document_id && !overlap(first, r) => out.push(Finding {
                    severity: Severity::Warning,
                    code: "panel-conflict".into(),
                    record_id: r.source_figure_id.clone().unwrap_or_default(),
                    location: format!("{} {} {}", r.region_code, r.indicator_id, r.year),
                    message: format!(
                        "{} states {} {:?} for {} in {}, but {} states {} ({})",
                        r.document_id,
                        r.value,
                        r.unit,
                        r.indicator_id,
                        r.year,
                        first.document_id,
                        first.value,
                        first.source_figure_id.as_deref().unwrap_or_default()
                    ),
                }),
                Some(_) => {}
                None => {
                    self.seen.insert(key, r.clone());
                }
            }
        }
        out
    }
}

/// Whether two rows' ranges (value when exact, unbounded where null) share a value.
fn overlap(a: &IndicatorValue, b: &IndicatorValue) -> bool {
    let lo = |r: &IndicatorValue| r.lower.unwrap_or(f64::NEG_INFINITY);
    let hi = |r: &IndicatorValue| r.upper.unwrap_or(f64::INFINITY);
    lo(a) <= hi(b) && lo(b) <= hi(a)
}

const GDP: &str = "gdp";

fn implied_gdp(rows: &[IndicatorValue], docs: &HashMap<&str, &Document>, catalog: &Catalog) -> PolarsResult<Vec<IndicatorValue>> {
    let Some(gdp) = catalog.get(GDP) else { return Ok(Vec::new()) };
    let frame = |indicator: &str, prefix: &str| -> PolarsResult<LazyFrame> {
        let r: Vec<&IndicatorValue> = rows.iter().filter(|r| r.indicator_id == indicator).collect();
        let df = DataFrame::new_infer_height(vec![
            Column::new("document_id".into(), r.iter().map(|x| x.document_id.as_str()).collect::<Vec<_>>()),
            Column::new("region_code".into(), r.iter().map(|x| x.region_code.as_str()).collect::<Vec<_>>()),
            Column::new("year".into(), r.iter().map(|x| x.year).collect::<Vec<_>>()),
            Column::new(format!("{prefix}_v").into(), r.iter().map(|x| Some(x.value)).collect::<Vec<_>>()),
            Column::new(format!("{prefix}_lo").into(), r.iter().map(|x| x.lower).collect::<Vec<_>>()),
            Column::new(format!("{prefix}_hi").into(), r.iter().map(|x| x.upper).collect::<Vec<_>>()),
            Column::new(format!("{prefix}_id").into(), r.iter().map(|x| x.source_figure_id.as_deref()).collect::<Vec<_>>()),
        ])?;
        Ok(df.lazy())
    };
    let [v, lo, hi] = ratio("rd", "share");
    let hundred = lit(100.0);
    let joined = frame("rd_expenditure", "rd")?
        .join(
            frame("rd_intensity", "share")?,
            [col("document_id"), col("region_code"), col("year")],
            [col("document_id"), col("region_code"), col("year")],
            JoinArgs::new(JoinType::Inner),
        )
        .with_columns([(v * hundred.clone()).alias("gdp_v"), (lo * hundred.clone()).alias("gdp_lo"), (hi * hundred).alias("gdp_hi")])
        .sort(["document_id", "region_code", "year"], SortMultipleOptions::default())
        .collect()?;
    let doc_ids: Vec<Option<String>> = joined.column("document_id")?.str()?.iter().map(|s| s.map(str::to_string)).collect();
    let years: Vec<Option<i32>> = joined.column("year")?.i32()?.iter().collect();
    let regions: Vec<Option<String>> = joined.column("region_code")?.str()?.iter().map(|s| s.map(str::to_string)).collect();
    let (rd_ids, share_ids): (Vec<Option<String>>, Vec<Option<String>>) = (
        joined.column("rd_id")?.str()?.iter().map(|s| s.map(str::to_string)).collect(),
        joined.column("share_id")?.str()?.iter().map(|s| s.map(str::to_string)).collect(),
    );
    let (vals, los, his) = (get(&joined, "gdp_v")?, get(&joined, "gdp_lo")?, get(&joined, "gdp_hi")?);
    let mut out = Vec::new();
    for i in 0..joined.height() {
        let (Some(doc), Some(year), Some(value), Some(region)) =
            (doc_ids[i].as_deref().and_then(|d| docs.get(d)), years[i], vals[i].and_then(tidy), regions[i].clone())
        else {
            continue;
        };
        out.push(IndicatorValue {
            document_id: doc.id.clone(),
            region_code: region,
            indicator_id: GDP.to_string(),
            name_en: gdp.name_en.clone(),
            name_zh: gdp.name_zh.clone(),
            year,
            value,
            lower: los[i].and_then(tidy),
            upper: his[i].and_then(tidy),
            unit: gdp.unit,
            provenance: Provenance::Derived,
            source_figure_id: rd_ids[i].clone(),
            source_change_id: None,
            divisor_figure_id: share_ids[i].clone(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_digits_count_what_is_written() {
        assert_eq!(
            [significant_digits("490.69"), significant_digits("0.0725"), significant_digits("2000"), significant_digits("74.21")],
            [5, 3, 4, 4]
        );
    }

    #[test]
    fn a_derived_level_keeps_only_the_digits_its_inputs_support() {
        assert_eq!(round_significant(28166580000.0, 4, f64::round), 28170000000.0);
        assert_eq!(round_significant(0.123456, 3, f64::floor), 0.123);
        assert_eq!(round_significant(0.123456, 3, f64::ceil), 0.124);
        assert_eq!(growth_factor_digits("74.21", 1.0), Some(5));
        assert_eq!(growth_factor_digits("3.25", -1.0), Some(4));
    }
}
