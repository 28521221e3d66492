//! Encode: writes pretty JSON a piece at a time, byte for byte what `serde_json::to_vec_pretty`
//! writes for the whole value, so that a run streams its tables to disk batch by batch and the
//! files do not depend on how the rows were batched.

use std::io::{self, Write};

use serde::Serialize;

/// Pretty JSON of `v`, every line after the first indented by `depth` levels, as it reads when
/// nested that deep.
pub fn pretty_at<T: Serialize + ?Sized>(v: &T, depth: usize) -> io::Result<Vec<u8>> {
    let flat = serde_json::to_vec_pretty(v).map_err(io::Error::other)?;
    if depth == 0 {
        return Ok(flat);
    }
    // serde_json escapes newlines inside strings, so every raw newline starts a new line.
    let indent = "  ".repeat(depth);
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 8);
    for (i, line) in flat.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent.as_bytes());
        }
        out.extend_from_slice(line);
    }
    Ok(out)
}

/// `v` as one line of JSON Lines.
pub fn json_line<T: Serialize + ?Sized>(w: &mut impl Write, v: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, v).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

/// A JSON array written element by element at nesting `depth`.
pub struct Array {
    depth: usize,
    written: u64,
}

impl Array {
    /// Starts an array (the caller has written whatever precedes it).
    pub fn open(w: &mut impl Write, depth: usize) -> io::Result<Array> {
        w.write_all(b"[")?;
        Ok(Array { depth, written: 0 })
    }

    /// One element's bytes, to pass to [`Array::push_encoded`]; separate so that a batch's
    /// elements can be encoded in parallel and written in order.
    pub fn encode<T: Serialize + ?Sized>(&self, v: &T) -> io::Result<Vec<u8>> {
        pretty_at(v, self.depth + 1)
    }

    /// Appends one element encoded by [`Array::encode`].
    pub fn push_encoded(&mut self, w: &mut impl Write, element: &[u8]) -> io::Result<()> {
        w.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        w.write_all("  ".repeat(self.depth + 1).as_bytes())?;
        w.write_all(element)?;
        self.written += 1;
        Ok(())
    }

    /// Appends one element.
    pub fn push<T: Serialize + ?Sized>(&mut self, w: &mut impl Write, v: &T) -> io::Result<()> {
        let element = self.encode(v)?;
        self.push_encoded(w, &element)
    }

    /// Closes the array.
    pub fn close(self, w: &mut impl Write) -> io::Result<()> {
        if self.written > 0 {
            w.write_all(b"\n")?;
            w.write_all("  ".repeat(self.depth).as_bytes())?;
        }
        w.write_all(b"]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn streamed(rows: &[serde_json::Value], depth: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut a = Array::open(&mut out, depth).unwrap();
        for r in rows {
            a.push(&mut out, r).unwrap();
        }
        a.close(&mut out).unwrap();
        out
    }

    #[test]
    fn a_streamed_array_is_what_serde_json_writes_for_the_whole() {
        let rows = vec![json!({"a": 1, "b": [1, 2], "c": {"d": "x\ny"}}), json!({"a": null, "b": [], "c": {}})];
        assert_eq!(streamed(&rows, 0), serde_json::to_vec_pretty(&rows).unwrap());
        assert_eq!(streamed(&[], 0), serde_json::to_vec_pretty(&Vec::<u8>::new()).unwrap());
    }

    #[test]
    fn a_nested_array_is_indented_as_its_parent_writes_it() {
        let rows = vec![json!({"a": 1}), json!({"b": [true]})];
        let mut out = b"{\n  \"rows\": ".to_vec();
        out.extend(streamed(&rows, 1));
        out.extend(b"\n}");
        assert_eq!(out, serde_json::to_vec_pretty(&json!({ "rows": rows })).unwrap());
    }
}
