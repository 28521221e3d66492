//! The `figures` binary: parses arguments, calls the library's stages, prints reports and maps
//! outcomes to the documented exit codes (0 ok, 1 data failed validation or check, 2 usage or IO).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use figures::catalog::Catalog;
use figures::corpus::Density;
use figures::error::Error;
use figures::eval::{Gold, PanelScore, Score, parse_gold, parse_panel, score, score_panel};
use figures::extract::{Extraction, extract};
use figures::records::wire_name;
use figures::{inputs, pipeline, schemas, write};

const EXIT_INVALID: u8 = 1;
const EXIT_USAGE_OR_IO: u8 = 2;

// Extraction and encoding allocate per figure on every thread; mimalloc's per-thread heaps cut
// the time glibc's allocator spends in locks and in returning pages (measured in README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "figures",
    version,
    about = "Exact, traceable, validated figures from Chinese government science-and-technology reports",
    after_help = "Exit codes: 0 ok; 1 data failed validation (or `check` found differences); 2 usage or IO error.\nLogging: RUST_LOG=debug figures run"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every text in --raw, validate, derive and write --out atomically.
    ///
    /// Example: figures run --raw raw --out output
    #[command(after_help = "A second run reuses the records of documents unchanged since the first (output/manifest.jsonl).")]
    Run {
        #[command(flatten)]
        paths: Paths,
        /// Extract every document, even those unchanged since the previous run (see output/manifest.jsonl).
        #[arg(long)]
        full_refresh: bool,
    },
    /// Extract one text (a file, or - for standard input) and print its figures and changes.
    ///
    /// Example: echo '研发投入从1.28%提高到1.7%。' | figures extract --format table -
    Extract {
        /// The text file, or - for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Shorthand for --format json.
        #[arg(long)]
        json: bool,
        /// Indicator catalog used to name subjects.
        #[arg(long, default_value = "raw/catalog.toml")]
        catalog: PathBuf,
    },
    /// Verify that --out is exactly what `run` would write, that schemas/ is current, and that every rule passes.
    ///
    /// Example: figures check
    Check {
        #[command(flatten)]
        paths: Paths,
    },
    /// Regenerate the JSON Schemas in --dir from the Rust record types.
    ///
    /// Example: figures schemas --dir schemas
    Schemas {
        #[arg(long, default_value = "schemas")]
        dir: PathBuf,
    },
    /// Measure throughput on a synthetic corpus: read floor, extraction (1 thread, all threads), full run, peak memory.
    ///
    /// Build with --release first. Example: cargo run --release -- bench --mb 100
    Bench {
        /// Corpus size in MB.
        #[arg(long, default_value_t = 10)]
        mb: u64,
        /// How often the text states a figure: dense (one per ~36 bytes) or seed-like (one per ~170).
        #[arg(long, value_enum, default_value = "dense")]
        density: Density,
        /// Scratch directory (the corpus is kept there and reused).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skip the full run.
        #[arg(long)]
        extract_only: bool,
    },
    /// Score extraction against hand-written gold files: precision, recall, F1, qualifier accuracy, changes.
    ///
    /// Strict on changes: a change counts only with its figures, subject and indicator right.
    ///
    /// Example: figures eval tests/gold/*.toml
    Eval {
        /// Gold files (format: tests/gold/README.md).
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// Folders searched for `<document>.txt`.
        #[arg(long = "texts", default_values = ["raw", "tests/fixtures"])]
        texts: Vec<PathBuf>,
        #[arg(long, default_value = "raw/catalog.toml")]
        catalog: PathBuf,
        /// Also print every difference.
        #[arg(long)]
        verbose: bool,
    },
}

/// Where `run` and `check` read and write.
#[derive(clap::Args)]
struct Paths {
    /// Report texts, their sidecars and catalog.toml.
    #[arg(long, default_value = "raw")]
    raw: PathBuf,
    /// The output directory.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// The committed JSON Schemas: `check` compares them with the types (the binary validates
    /// against the copies compiled into it); `run` never writes into it.
    #[arg(long, default_value = "schemas")]
    schemas: PathBuf,
    /// Accept a --raw with no texts (the outputs are then empty tables).
    #[arg(long)]
    allow_empty: bool,
    /// Memory the run may use, in MB (default: what the system says is available). A text too
    /// large for it is refused before any work instead of crashing the run.
    #[arg(long)]
    memory_limit_mb: Option<u64>,
    /// Also write (or expect) figures, sentences and changes as a hive-partitioned dataset under dataset/ (region_code, year).
    #[arg(long)]
    partitioned: bool,
    /// Process texts in batches of about this many bytes: memory grows with it. JSON files and the
    /// rows of Parquet files do not depend on it (where large tables split into row groups may).
    #[arg(long, default_value_t = pipeline::BATCH_BYTES, value_parser = clap::value_parser!(u64).range(1..))]
    batch_bytes: u64,
    /// Write (or expect) each table's JSON as JSON Lines, `<table>.jsonl` with one compact record a
    /// line, instead of a pretty array in `<table>.json`: for archives, where pretty JSON would be
    /// most of the output. The Parquet files are the same either way.
    #[arg(long)]
    json_lines: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

enum Failure {
    Invalid(String),
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Usage(e.to_string())
    }
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run { paths, full_refresh } => run(&paths, full_refresh),
        Command::Extract { file, format, json, catalog } => extract_one(&file, if json { Format::Json } else { format }, &catalog),
        Command::Check { paths } => check(&paths),
        Command::Schemas { dir } => schemas::write_all(&dir).map(|w| println!("wrote {}", w.join(", "))).map_err(Failure::from),
        Command::Eval { gold, texts, catalog, verbose } => eval(&gold, &texts, &catalog, verbose),
        Command::Bench { mb, density, dir, extract_only } => bench(mb, density, dir, extract_only),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(EXIT_INVALID)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

fn summary(s: &figures::batch::Summary) -> String {
    let detail: Vec<String> = s.codes.iter().map(|(c, n)| format!("{n} {c}")).collect();
    format!(
        "{} documents, {} figures, {} changes, {} indicator values; {} errors, {} warnings, {} notes{}",
        s.documents,
        s.figures,
        s.changes,
        s.indicators,
        s.errors.len(),
        s.warnings,
        s.notes,
        if detail.is_empty() { String::new() } else { format!(" ({})", detail.join(", ")) }
    )
}

/// Runs the pipeline from `p.raw` into `staging`; any error finding fails the run, and the
/// caller drops the staging directory unwritten.
fn build(p: &Paths, previous: inputs::Previous, staging: &write::Staging) -> Result<figures::batch::Summary, Failure> {
    let inputs = inputs::read_raw(&p.raw)?;
    if inputs.documents.is_empty() && !p.allow_empty {
        return Err(Failure::Usage(format!(
            "{}: no texts (*.txt) to extract; nothing was written\n  hint: pass --raw DIR with the report texts, or --allow-empty to write empty tables",
            p.raw.display()
        )));
    }
    if let Some(available) = p.memory_limit_mb.map(|mb| mb << 20).or_else(inputs::available_memory) {
        pipeline::fits_in_memory(&inputs, available)?;
    }
    let options = pipeline::Options { partitioned: p.partitioned, batch_bytes: p.batch_bytes, json_lines: p.json_lines };
    let summary = pipeline::run(inputs, previous, staging, &options)?;
    if !summary.errors.is_empty() {
        let errors: Vec<String> = summary.errors.iter().map(|f| f.to_string()).collect();
        return Err(Failure::Invalid(format!("{} findings failed validation; nothing was written:\n{}", errors.len(), errors.join("\n"))));
    }
    Ok(summary)
}

/// Refuses an --out that a run must not replace, before any work; then takes its lock.
fn claim(p: &Paths) -> Result<write::Lock, Failure> {
    write::claim(&p.out, &[&p.raw, &p.schemas], &pipeline::WRITES)?;
    Ok(write::lock(&p.out)?)
}

fn run(p: &Paths, full_refresh: bool) -> Result<(), Failure> {
    let lock = claim(p)?;
    let previous = if full_refresh { inputs::Previous::none() } else { inputs::read_previous(&p.out) };
    let staging = write::Staging::begin(&p.out, &lock)?;
    let built = build(p, previous, &staging)?;
    staging.commit()?;
    tracing::info!("peak memory {:.0} MB", figures::bench::peak_rss_mb());
    println!("wrote {} files to {}: {}", built.files, p.out.display(), summary(&built));
    Ok(())
}

fn check(p: &Paths) -> Result<(), Failure> {
    let out = &p.out;
    let mut problems = if p.schemas.is_dir() {
        schemas::drift(&p.schemas)
    } else {
        println!("no {} here: the schemas compiled into this binary are checked against the types only", p.schemas.display());
        schemas::drift_embedded()
    };
    if problems.is_empty() {
        // `check` replaces nothing, so it needs the lock (for its scratch copy) but not the claim.
        let lock = write::lock(out)?;
        let staging = write::Staging::scratch(out, &lock)?;
        let built = build(p, inputs::Previous::none(), &staging)?;
        problems.extend(staging.compare()?);
        println!("{:<16} {:<11} {:>8} {:>7} {:>7}", "check", "table", "checked", "passed", "failed");
        for c in &built.checks {
            let state = if c.skipped { " skipped" } else { "" };
            println!("{:<16} {:<11} {:>8} {:>7} {:>7}{state}", c.check, c.table, c.checked, c.passed, c.failed);
        }
        println!("{}", summary(&built));
    }
    if problems.is_empty() {
        println!("check passed: {} is current", out.display());
        Ok(())
    } else {
        Err(Failure::Invalid(format!("check failed:\n{}", problems.join("\n"))))
    }
}

fn read_text(file: &str) -> Result<(String, String), Failure> {
    let (id, bytes) = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| Failure::Usage(format!("standard input: {e}")))?;
        ("stdin".to_string(), buf)
    } else {
        let path = Path::new(file);
        let bytes = std::fs::read(path).map_err(Error::io(path, "reading the text", "check the path"))?;
        (path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "text".into()), bytes)
    };
    let (text, _) = inputs::decode(Path::new(file), &bytes, None)?;
    Ok((id, text))
}

fn load_catalog(path: &Path) -> Result<Catalog, Failure> {
    Ok(inputs::read_catalog(path)?.0)
}

fn extract_one(file: &str, format: Format, catalog: &Path) -> Result<(), Failure> {
    let (id, text) = read_text(file)?;
    let x = extract(&id, &text, &load_catalog(catalog)?);
    match format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&x.to_json(&id, &text)).unwrap_or_default());
        }
        Format::Table => print_table(&x),
    }
    Ok(())
}

fn print_table(x: &Extraction) {
    println!(
        "{:>6} {:>6}  {:<16} {:>18} {:<6} {:<16} {:<10} {:>14} {:>14}",
        "start", "end", "text", "value", "unit", "kind", "qualifier", "lower", "upper"
    );
    let num = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    for f in &x.figures {
        let q = f.qualifier.map(|q| wire_name(&q)).unwrap_or_default();
        let (unit, kind) = (wire_name(&f.unit), wire_name(&f.kind));
        println!(
            "{:>6} {:>6}  {:<16} {:>18} {:<6} {:<16} {:<10} {:>14} {:>14}",
            f.start,
            f.end,
            f.text,
            f.value_exact,
            unit,
            kind,
            q,
            num(f.lower),
            num(f.upper)
        );
    }
    for c in &x.changes {
        println!(
            "change {:?} {:?}: {} → {}{}",
            c.relation,
            c.subject,
            c.from_id.as_deref().unwrap_or("(derived)"),
            c.to_id,
            c.rate_id.as_deref().map(|r| format!(" rate {r}")).unwrap_or_default()
        );
    }
}

fn eval(gold_files: &[PathBuf], text_dirs: &[PathBuf], catalog: &Path, verbose: bool) -> Result<(), Failure> {
    let catalog = load_catalog(catalog)?;
    let mut total = Score::default();
    let mut panels = Vec::new();
    println!(
        "{:<42} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "document", "gold", "found", "P", "R", "F1", "qual", "chg P", "chg R"
    );
    let line = |name: &str, s: &Score| {
        println!(
            "{:<42} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
            name,
            s.gold_figures,
            s.found_figures,
            s.figure_precision(),
            s.figure_recall(),
            s.figure_f1(),
            s.qualifier_accuracy(),
            s.change_precision(),
            s.change_recall()
        )
    };
    for path in gold_files {
        let text = std::fs::read_to_string(path).map_err(Error::io(path, "reading a gold file", "check the path"))?;
        let gold: Gold = parse_gold(&text).map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))?;
        let text_path = text_dirs
            .iter()
            .map(|d| d.join(format!("{}.txt", gold.document)))
            .find(|p| p.exists())
            .ok_or_else(|| Failure::Usage(format!("{}: no text {}.txt in {:?}", path.display(), gold.document, text_dirs)))?;
        let (_, text) = read_text(&text_path.to_string_lossy())?;
        let extraction = extract(&gold.document, &text, &catalog);
        let s = score(&gold, &extraction);
        line(&gold.document, &s);
        total.add(&s);
        let panel_path = path.with_file_name("panel").join(path.file_name().unwrap_or_default());
        if panel_path.exists() {
            let text =
                std::fs::read_to_string(&panel_path).map_err(Error::io(&panel_path, "reading a panel gold file", "check the path"))?;
            let gold = parse_panel(&text).map_err(|e| Failure::Usage(format!("{}: {e}", panel_path.display())))?;
            panels.push((gold.document.clone(), score_panel(&gold, &extraction)));
        }
    }
    line("overall", &total);
    println!("\ndifferences per field (figures matched by span, value and unit; changes by their figures)");
    print!("{}", total.field_table());
    if verbose {
        for d in &total.differences {
            println!("  {d}");
        }
    }
    if !panels.is_empty() {
        println!("\npanel: figures that state a catalog indicator (tests/gold/panel/), right in indicator, period, region, all three");
        println!("{:<42} {:>5} {:>9} {:>7} {:>7} {:>7} {:>6}", "document", "gold", "indicator", "period", "region", "all", "extra");
        let mut all = PanelScore::default();
        let row = |name: &str, p: &PanelScore| {
            let r = |n: usize| format!("{:.3}", n as f64 / p.gold.max(1) as f64);
            println!(
                "{:<42} {:>5} {:>9} {:>7} {:>7} {:>7} {:>6}",
                name,
                p.gold,
                r(p.indicator),
                r(p.period),
                r(p.region),
                r(p.all),
                p.extra
            );
        };
        for (name, p) in &panels {
            row(name, p);
            all.add(p);
        }
        row("overall", &all);
        if verbose {
            for d in &all.differences {
                println!("  {d}");
            }
        }
    }
    Ok(())
}

fn bench(mb: u64, density: Density, dir: Option<PathBuf>, extract_only: bool) -> Result<(), Failure> {
    let name = match density {
        Density::Dense => format!("figures-bench-{mb}mb"),
        Density::SeedLike => format!("figures-bench-{mb}mb-seed-like"),
    };
    let dir = dir.unwrap_or_else(|| std::env::temp_dir().join(name));
    let m = figures::bench::run(&dir, mb, density, !extract_only)?;
    let opt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"));
    println!(
        "| corpus MB | documents | figures | read floor MB/s | extract MB/s, 1 thread | extract MB/s, {} threads | full run MB/s | peak RSS MB, extract | peak RSS MB, full run |",
        rayon::current_num_threads()
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {:.0} | {} | {} | {:.0} | {:.1} | {:.1} | {} | {:.0} | {} |",
        m.megabytes,
        m.documents,
        m.figures,
        m.read_mb_s,
        m.extract_one_thread_mb_s,
        m.extract_mb_s,
        opt(m.full_run_mb_s),
        m.extract_peak_rss_mb,
        opt(m.full_run_peak_rss_mb)
    );
    if let Some(ratio) = m.output_per_input {
        let cpu: f64 = m.stages.iter().map(|s| s.cpu_seconds).sum();
        println!("\nfull run: {ratio:.2} output bytes per input byte; time per stage (CPU on all threads, 10 ms ticks):\n");
        println!("| stage | wall s | CPU s | share of CPU |");
        println!("|---|---|---|---|");
        for s in &m.stages {
            println!(
                "| {} | {:.2} | {:.2} | {:.0}% |",
                s.stage,
                s.wall.as_secs_f64(),
                s.cpu_seconds,
                100.0 * s.cpu_seconds / cpu.max(f64::EPSILON)
            );
        }
    }
    Ok(())
}
