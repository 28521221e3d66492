//! Inputs: the reading edge. Lists `raw/`, decodes each text (UTF-8 with or without BOM, UTF-16
//! with BOM, GB18030/GBK detected or declared), and reads each sidecar and the catalog, checking
//! them against their committed JSON Schemas before deserialising.
//!
//! Every failure names the file and the place in it; nothing here interprets the text itself.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::findings::{Finding, Severity};
use crate::manifest::{Entry, sha256_hex};
use crate::records::{Change, Figure, Sentence};
use crate::schema_check::Checker;

/// The metadata sidecar of one text (`raw/<id>.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// The document's title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Who published it (the text's own 数据来源 line, where it has one).
    #[schemars(length(min = 1))]
    pub publisher: String,
    /// The region's Chinese name.
    #[schemars(length(min = 1))]
    pub region: String,
    /// ISO 3166-2 code of the region (CN-JX), or CN for the whole country.
    #[schemars(regex(pattern = r"^CN(-[A-Z]{2})?$"))]
    pub region_code: String,
    /// BCP 47 language tag.
    #[schemars(length(min = 2))]
    pub language: String,
    /// The years the text's figures refer to; left out when the text never names its year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Period")]
    pub period: Option<Period>,
    /// The text file's encoding when it is not UTF-8 (`gb18030`, `gbk`, `utf-16le` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub encoding: Option<String>,
}

/// The reference period of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Year of the "before" values.
    #[schemars(range(min = 1949, max = 2100))]
    pub start: i32,
    /// Year of the "after" values and of single levels.
    #[schemars(range(min = 1949, max = 2100))]
    pub end: i32,
    /// One line saying why the period is what it is.
    #[schemars(length(min = 1))]
    pub note: String,
}

/// One raw text, listed but not yet read: a run reads texts a batch at a time.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub path: PathBuf,
    /// The file's size, to batch texts by bytes before reading them.
    pub size: u64,
    pub sidecar: Option<Sidecar>,
    /// SHA-256 of the sidecar's bytes, when there is one.
    pub sidecar_sha256: Option<String>,
}

/// One raw text, read and decoded, with its metadata.
#[derive(Debug, Clone)]
pub struct RawDocument {
    pub source: Source,
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`.
    pub sha256: String,
    pub text: String,
    pub encoding: String,
}

impl Source {
    /// Reads, hashes and decodes the text.
    pub fn read(&self) -> Result<RawDocument> {
        let bytes = std::fs::read(&self.path).map_err(Error::io(&self.path, "reading a text", "check the file's permissions"))?;
        let declared = self.sidecar.as_ref().and_then(|s| s.encoding.clone());
        let (text, encoding) = decode(&self.path, &bytes, declared.as_deref())?;
        Ok(RawDocument { source: self.clone(), sha256: sha256_hex(&bytes), bytes, text, encoding })
    }
}

/// Everything under `raw/`, the texts listed but not read.
#[derive(Debug, Clone)]
pub struct RawInputs {
    /// Sorted by id.
    pub documents: Vec<Source>,
    pub catalog: Catalog,
    /// SHA-256 of the catalog file's bytes; empty when there is none.
    pub catalog_sha256: String,
    pub findings: Vec<Finding>,
}

/// Rows of one of the previous run's files, in the file's order (sorted by document id), read on
/// a thread of their own so that reuse holds one document's rows at a time, not the table.
pub struct Sorted<T> {
    rows: Option<Receiver<T>>,
    next: Option<T>,
    document_of: fn(&T) -> &str,
}

impl<T: Send + 'static> Sorted<T> {
    fn empty(document_of: fn(&T) -> &str) -> Sorted<T> {
        Sorted { rows: None, next: None, document_of }
    }

    fn spawn(document_of: fn(&T) -> &str, read: impl FnOnce(SyncSender<T>) + Send + 'static) -> Sorted<T> {
        let (tx, rx) = sync_channel(1024);
        std::thread::spawn(move || read(tx));
        Sorted { rows: Some(rx), next: None, document_of }
    }

    /// The rows of document `id`, passing over those of documents sorted before it. Call it with
    /// ids in ascending order.
    pub fn take(&mut self, id: &str) -> Vec<T> {
        let mut out = Vec::new();
        loop {
            let Some(row) = self.next.take().or_else(|| self.rows.as_ref().and_then(|r| r.recv().ok())) else { return out };
            match (self.document_of)(&row).cmp(id) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => out.push(row),
                std::cmp::Ordering::Greater => {
                    self.next = Some(row);
                    return out;
                }
            }
        }
    }
}

/// Sends each element of a JSON array as it is parsed.
struct EachElement<T>(SyncSender<T>);

impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for EachElement<T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(row) = seq.next_element::<T>()? {
            if self.0.send(row).is_err() {
                break;
            }
        }
        Ok(())
    }
}

fn json_array<T: serde::de::DeserializeOwned + Send + 'static>(path: PathBuf, document_of: fn(&T) -> &str) -> Sorted<T> {
    Sorted::spawn(document_of, move |tx| {
        if let Ok(file) = std::fs::File::open(path) {
            use serde::Deserializer;
            let _ = serde_json::Deserializer::from_reader(BufReader::new(file)).deserialize_seq(EachElement(tx));
        }
    })
}

/// The previous run's `table`, from its JSON array or, where there is none, its JSON Lines.
fn json_table<T: serde::de::DeserializeOwned + Send + 'static>(out_dir: &Path, table: &str, document_of: fn(&T) -> &str) -> Sorted<T> {
    let array = out_dir.join(format!("{table}.json"));
    if array.exists() { json_array(array, document_of) } else { json_lines(out_dir.join(format!("{table}.jsonl")), document_of) }
}

fn json_lines<T: serde::de::DeserializeOwned + Send + 'static>(path: PathBuf, document_of: fn(&T) -> &str) -> Sorted<T> {
    Sorted::spawn(document_of, move |tx| {
        let Ok(file) = std::fs::File::open(path) else { return };
        for line in BufReader::new(file).lines() {
            let Some(row) = line.ok().and_then(|l| serde_json::from_str(&l).ok()) else { return };
            if tx.send(row).is_err() {
                return;
            }
        }
    })
}

/// The previous run's outputs, for reusing the records of unchanged documents.
pub struct Previous {
    pub manifest: Sorted<Entry>,
    pub figures: Sorted<Figure>,
    pub sentences: Sorted<Sentence>,
    pub changes: Sorted<Change>,
}

impl Previous {
    /// Nothing to reuse: every document is extracted.
    pub fn none() -> Previous {
        Previous {
            manifest: Sorted::empty(|e| &e.id),
            figures: Sorted::empty(|f| &f.document_id),
            sentences: Sorted::empty(|s| &s.document_id),
            changes: Sorted::empty(|c| &c.document_id),
        }
    }
}

/// Streams `out_dir/manifest.jsonl`, and the figures, sentences and changes of a previous run
/// (`<table>.json`, or `<table>.jsonl` where a run wrote JSON Lines). Anything
/// missing or unreadable reads as no rows, and a document whose rows fall short of its manifest
/// entry is extracted again.
pub fn read_previous(out_dir: &Path) -> Previous {
    Previous {
        manifest: json_lines(out_dir.join(MANIFEST_FILE), |e: &Entry| &e.id),
        figures: json_table(out_dir, "figures", |f: &Figure| &f.document_id),
        sentences: json_table(out_dir, "sentences", |s: &Sentence| &s.document_id),
        changes: json_table(out_dir, "changes", |c: &Change| &c.document_id),
    }
}

pub const CATALOG_FILE: &str = "catalog.toml";
pub const MANIFEST_FILE: &str = "manifest.jsonl";

/// Reads the indicator catalog at `path`, checked against `schemas/catalog.schema.json`, with
/// the SHA-256 of its bytes (empty when there is none). A missing catalog is an empty one and a
/// warning; an alias claimed by two indicators is an error.
pub fn read_catalog(path: &Path) -> Result<(Catalog, String, Option<Finding>)> {
    if std::fs::symlink_metadata(path).is_err() {
        let warning = Finding {
            severity: Severity::Warning,
            code: "no-catalog".into(),
            record_id: CATALOG_FILE.into(),
            location: path.display().to_string(),
            message: "no indicator catalog: no change will be named with an indicator".into(),
        };
        return Ok((Catalog::default(), String::new(), Some(warning)));
    }
    readable(path)?;
    let (catalog, sha256): (Catalog, String) = read_toml(path, &Checker::load("catalog")?)?;
    if let Some((alias, ids)) = catalog.duplicate_aliases().into_iter().next() {
        return Err(Error::input(
            path,
            format!("alias \"{alias}\""),
            format!("the alias is claimed by more than one indicator: {}", ids.join(", ")),
            "give each alias to one indicator only",
        ));
    }
    Ok((catalog, sha256, None))
}

/// Refuses what a run must not read as an input file: anything but a regular file (a FIFO
/// would hang the run, a device or socket never ends, a directory named `x.txt` is no text), a
/// dangling symbolic link, and a link that leads out of the folder it stands in (a run reads its
/// inputs, not whatever a link points at). A link to a regular file in the same folder tree is
/// followed.
fn readable(path: &Path) -> Result<()> {
    let refuse = |what: String, hint: &str| Error::input(path, "file", what, hint);
    let link = std::fs::symlink_metadata(path).map_err(Error::io(path, "reading a file's type", "check the file's permissions"))?;
    let meta = if link.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)
            .map_err(|_| refuse("a dangling symbolic link".into(), "remove the link or restore what it points to"))?;
        let folder = std::fs::canonicalize(path.parent().unwrap_or(Path::new("."))).map_err(Error::io(
            path,
            "resolving the input folder",
            "check the folder's permissions",
        ))?;
        if !target.starts_with(&folder) {
            return Err(refuse(
                format!("a symbolic link leading out of its folder, to {}", target.display()),
                "copy the file into the folder instead of linking to it",
            ));
        }
        std::fs::metadata(path).map_err(Error::io(path, "reading a file's type", "check the file's permissions"))?
    } else {
        link
    };
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    use std::os::unix::fs::FileTypeExt;
    let what = if ft.is_dir() {
        "a directory"
    } else if ft.is_fifo() {
        "a named pipe (FIFO)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    };
    Err(refuse(format!("{what}, not a regular file"), "inputs must be regular files: move it out of the input folder"))
}

/// Lists `raw_dir`: every `*.txt` with its `*.toml` sidecar, and reads `catalog.toml`. The texts
/// themselves are read later, by [`Source::read`]. Every listed file must be [`readable`] and
/// named in UTF-8 (its name becomes the document id).
pub fn read_raw(raw_dir: &Path) -> Result<RawInputs> {
    let entries =
        std::fs::read_dir(raw_dir).map_err(Error::io(raw_dir, "listing the raw directory", "pass --raw DIR with the report texts"))?;
    let mut texts: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(Error::io(raw_dir, "listing the raw directory", "check its permissions"))?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            if path.file_stem().and_then(|s| s.to_str()).is_none() {
                return Err(Error::input(
                    &path,
                    "file name",
                    format!("the name {:?} is not valid UTF-8, and it would become the document id", entry.file_name()),
                    "rename the file in UTF-8",
                ));
            }
            readable(&path)?;
            texts.push(path);
        }
    }
    texts.sort_by_key(|p| p.file_stem().map(|s| s.to_os_string()));
    let sidecar_schema = Checker::load("sidecar")?;
    let (catalog, catalog_sha256, missing) = read_catalog(&raw_dir.join(CATALOG_FILE))?;
    let mut findings: Vec<Finding> = missing.into_iter().collect();
    let mut documents = Vec::new();
    for path in texts {
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let sidecar_path = path.with_extension("toml");
        let (sidecar, sidecar_sha256): (Option<Sidecar>, Option<String>) = if std::fs::symlink_metadata(&sidecar_path).is_ok() {
            readable(&sidecar_path)?;
            let (sidecar, hash): (Sidecar, String) = read_toml(&sidecar_path, &sidecar_schema)?;
            check_period(&sidecar_path, &sidecar)?;
            (Some(sidecar), Some(hash))
        } else {
            (None, None)
        };
        if sidecar.is_none() {
            findings.push(Finding {
                severity: Severity::Warning,
                code: "no-sidecar".into(),
                record_id: id.clone(),
                location: sidecar_path.display().to_string(),
                message: "no metadata sidecar: title, region and period are unknown, so no indicator values are derived".into(),
            });
        }
        let size = std::fs::metadata(&path).map_err(Error::io(&path, "reading a text", "check the file's permissions"))?.len();
        documents.push(Source { id, path, size, sidecar, sidecar_sha256 });
    }
    Ok(RawInputs { documents, catalog, catalog_sha256, findings })
}

/// The memory the system says is available (`MemAvailable` in /proc/meminfo), in bytes; none
/// where it cannot tell.
pub fn available_memory() -> Option<u64> {
    proc_kb("/proc/meminfo", "MemAvailable:").map(|kb| kb << 10)
}

/// The kB figure of the line starting with `key` in a /proc file (`VmHWM:      52340 kB`).
pub fn proc_kb(file: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|l| l.strip_prefix(key))?.trim().trim_end_matches("kB").trim().parse().ok()
}

/// CPU time this process has used so far, on all its threads, in seconds (user and system, from
/// `/proc/self/stat`, in clock ticks of 10 ms); 0 where /proc is missing.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // The command name in parentheses may hold spaces; the fields counted here come after it.
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name.split_whitespace().skip(11).take(2).filter_map(|t| t.parse::<u64>().ok()).sum();
    ticks as f64 / 100.0
}

/// A period runs forwards: every indicator value is dated by it, so a reversed one would swap
/// the years of all of them.
fn check_period(path: &Path, sidecar: &Sidecar) -> Result<()> {
    match &sidecar.period {
        Some(p) if p.start > p.end => Err(Error::input(
            path,
            "key period",
            format!("the period runs backwards: start {} is after end {}", p.start, p.end),
            "start is the year of the \"before\" values, end the year of the \"after\" values: swap them",
        )),
        _ => Ok(()),
    }
}

/// Line and column (1-based, in chars) of byte offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads a TOML file, checks it against `schema`, then deserialises it; also returns the SHA-256
/// of the bytes read, for the manifest.
pub fn read_toml<T: serde::de::DeserializeOwned>(path: &Path, schema: &Checker) -> Result<(T, String)> {
    let bytes = std::fs::read(path).map_err(Error::io(path, "reading", "check the file's permissions"))?;
    let sha256 = sha256_hex(&bytes);
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::input(path, format!("byte {}", e.utf8_error().valid_up_to()), "not valid UTF-8", "save the file as UTF-8"))?;
    let value: toml::Value = toml::from_str(&text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_column(&text, s.start));
        Error::input(
            path,
            format!("{line}:{column}"),
            format!("TOML syntax error: {}", e.message()),
            "fix the syntax (see https://toml.io)",
        )
    })?;
    let json =
        serde_json::to_value(&value).map_err(|e| Error::input(path, "(whole file)", e.to_string(), "use only TOML types that JSON has"))?;
    let errors = schema.errors(&json);
    if let Some((pointer, message)) = errors.first() {
        let key = if pointer.is_empty() { "(top level)".to_string() } else { pointer.trim_start_matches('/').replace('/', ".") };
        let more = if errors.len() > 1 { format!(" (and {} more)", errors.len() - 1) } else { String::new() };
        return Err(Error::input(
            path,
            format!("key {key}"),
            format!("{message}{more}"),
            "see the schema in schemas/ for the expected keys and types",
        ));
    }
    let value =
        serde_json::from_value(json).map_err(|e| Error::input(path, "(whole file)", e.to_string(), "see the schema in schemas/"))?;
    Ok((value, sha256))
}

/// Decodes a text file's bytes. Declared encodings win; then BOMs; then UTF-8; then GB18030.
pub fn decode(path: &Path, bytes: &[u8], declared: Option<&str>) -> Result<(String, String)> {
    if let Some(label) = declared {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            Error::input(
                path.with_extension("toml").as_path(),
                "key encoding",
                format!("unknown encoding \"{label}\""),
                "use a WHATWG label such as gb18030, gbk, utf-16le",
            )
        })?;
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return Err(Error::input(path, "bytes", format!("not valid {}", enc.name()), "fix the sidecar's encoding or re-save the file"));
        }
        return Ok((text.into_owned(), enc.name().to_lowercase()));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0)
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
    {
        return Err(Error::input(
            path,
            format!("byte {pos}"),
            "binary file (NUL byte), not a text",
            "remove it from raw/ or convert it to text",
        ));
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if bad {
            return Err(Error::input(path, "bytes", format!("invalid {} after its byte-order mark", enc.name()), "re-save the file"));
        }
        return Ok((text.into_owned(), format!("{}-bom", enc.name().to_lowercase())));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), "utf-8".into())),
        Err(e) => {
            let hint = "re-save the file as UTF-8, or declare its encoding in the sidecar (encoding = \"...\")";
            let refuse = |what: String| Error::input(path, format!("byte {}", e.valid_up_to()), what, hint);
            let guess =
                detect(bytes).ok_or_else(|| refuse("invalid UTF-8, and not a Chinese, Japanese or Korean encoding either".into()))?;
            let (text, bad) = guess.decode_without_bom_handling(bytes);
            if bad {
                return Err(refuse(format!("invalid UTF-8, and not valid {} (the closest guess) either", guess.name())));
            }
            Ok((text.into_owned(), guess.name().to_lowercase()))
        }
    }
}

/// The CJK legacy encoding non-UTF-8 bytes are most likely in (GB18030 for GBK, Big5,
/// Shift_JIS, EUC-JP, EUC-KR), by Firefox's detector; none when the bytes look like anything
/// else, so a text is decoded right or refused, never read as garbage.
fn detect(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
        Some(encoding_rs::GB18030)
    } else {
        [encoding_rs::BIG5, encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP, encoding_rs::EUC_KR].into_iter().find(|e| *e == guess)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_a_bom_loses_the_bom() {
        let (t, e) = decode(Path::new("a.txt"), "\u{FEFF}研发".as_bytes(), None).unwrap();
        assert_eq!((t.as_str(), e.as_str()), ("研发", "utf-8-bom"));
    }

    #[test]
    fn gbk_bytes_are_detected_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GBK.encode("技术合同成交额3053.5亿元");
        let (t, e) = decode(Path::new("a.txt"), &bytes, None).unwrap();
        assert_eq!((t.as_str(), e.as_str()), ("技术合同成交额3053.5亿元", "gb18030"));
    }

    #[test]
    fn big5_bytes_are_detected_as_big5_not_read_as_gb18030() {
        let text = "臺灣省科技廳：研究與發展經費達到新臺幣三千億元，比上年增長百分之八點五。專利申請件數為一萬兩千件。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        let (t, e) = decode(Path::new("a.txt"), &bytes, None).unwrap();
        assert_eq!((t.as_str(), e.as_str()), (text, "big5"));
    }

    #[test]
    fn shift_jis_bytes_are_detected_as_shift_jis() {
        let text = "研究開発費は前年比で三・五パーセント増加し、特許出願件数は一万二千件となった。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let (t, e) = decode(Path::new("a.txt"), &bytes, None).unwrap();
        assert_eq!((t.as_str(), e.as_str()), (text, "shift_jis"));
    }

    #[test]
    fn latin_bytes_are_refused_not_decoded_as_garbage() {
        let err = decode(Path::new("a.txt"), b"Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve r\xe9sum\xe9", None).unwrap_err().to_string();
        assert!(err.contains("a.txt:byte 3") && err.contains("not a Chinese"), "{err}");
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("亿元".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(Path::new("a.txt"), &bytes, None).unwrap().0, "亿元");
    }

    #[test]
    fn a_nul_byte_is_a_binary_file_error_with_its_offset() {
        let err = decode(Path::new("a.txt"), b"abc\0def", None).unwrap_err().to_string();
        assert!(err.contains("a.txt:byte 3") && err.contains("binary"), "{err}");
    }

    #[test]
    fn line_and_column_count_chars() {
        assert_eq!(line_column("ab\n研发x", "ab\n研发".len()), (2, 3));
    }
}
