//! The 3.11 exception table (`co_exceptiontable`): encoder, decoder and lookup.
//!
//! Follows `Objects/exception_handling_notes.txt` and
//! `assemble_emit_exception_table_entry` in `Python/compile.c` (encoding),
//! `get_exception_handler` in `Python/ceval.c` (lookup) and
//! `dis._parse_exception_table` (decoding).
//!
//! Zero-cost exceptions: no instruction sets up a `try`; instead each range
//! of code units that is covered by a handler has an entry
//! `(start, size, target, depth << 1 | lasti)`. All four are in code units.
//! Each value is a big-endian varint of 6-bit chunks: bit 6 (`0x40`) says
//! "more chunks follow", and bit 7 (`0x80`) is set on the first byte of an
//! entry only, so an entry's start can be found from any byte. Entries are
//! sorted by `start` and do not overlap.

use std::fmt;

/// One handler range: code units `start..end` jump to `target` on an
/// exception, after popping the value stack down to `depth` items and, if
/// `lasti`, pushing the offset of the raising instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First code unit covered (inclusive).
    pub start: u32,
    /// One past the last code unit covered (exclusive).
    pub end: u32,
    /// Code unit of the handler.
    pub target: u32,
    /// Value-stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the handler also gets the raising instruction's offset.
    pub lasti: bool,
}

/// Why a `co_exceptiontable` could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExceptionTableError {
    /// The table ends inside an entry.
    Truncated,
    /// An entry does not start with a byte that has bit 7 set, or a value
    /// inside one does.
    BadEntryStart { offset: usize },
    /// A value does not fit in 30 bits, or `start + size` overflows.
    Overflow { offset: usize },
}

impl fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExceptionTableError::Truncated => f.write_str("exception table ends inside an entry"),
            ExceptionTableError::BadEntryStart { offset } => {
                write!(f, "bad exception table entry marker at byte {offset}")
            }
            ExceptionTableError::Overflow { offset } => {
                write!(f, "exception table value too large at byte {offset}")
            }
        }
    }
}

impl std::error::Error for ExceptionTableError {}

const START_BIT: u8 = 0x80;
const CONTINUATION_BIT: u8 = 0x40;
/// Values are below 2**30 (`assemble_emit_exception_table_item` asserts it).
const MAX_VALUE: u32 = (1 << 30) - 1;

/// Append one value as CPython's assembler does: big-endian 6-bit chunks,
/// the entry-start bit on the first byte when `start_of_entry`.
fn write_item(out: &mut Vec<u8>, value: u32, start_of_entry: bool) {
    assert!(
        value <= MAX_VALUE,
        "exception table value {value} exceeds 30 bits"
    );
    let mut msb = if start_of_entry { START_BIT } else { 0 };
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONTINUATION_BIT | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Encode entries into `co_exceptiontable` bytes, exactly as CPython 3.11's
/// assembler writes them. Entries must satisfy `start < end` and have
/// values below 2**30 (a compiler bug otherwise: this panics).
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 5);
    for e in entries {
        assert!(e.end > e.start, "empty exception table range {e:?}");
        write_item(&mut out, e.start, true);
        write_item(&mut out, e.end - e.start, false);
        write_item(&mut out, e.target, false);
        write_item(&mut out, (e.depth << 1) | e.lasti as u32, false);
    }
    out
}

/// Read one varint at `*pos`. The first byte must have the start bit set
/// exactly when `start_of_entry`; continuation bytes never have it.
fn read_item(
    table: &[u8],
    pos: &mut usize,
    start_of_entry: bool,
) -> Result<u32, ExceptionTableError> {
    let first = *pos;
    let mut byte = *table.get(*pos).ok_or(ExceptionTableError::Truncated)?;
    if (byte & START_BIT != 0) != start_of_entry {
        return Err(ExceptionTableError::BadEntryStart { offset: first });
    }
    *pos += 1;
    let mut value = (byte & 0x3f) as u32;
    while byte & CONTINUATION_BIT != 0 {
        byte = *table.get(*pos).ok_or(ExceptionTableError::Truncated)?;
        if byte & START_BIT != 0 {
            return Err(ExceptionTableError::BadEntryStart { offset: *pos });
        }
        *pos += 1;
        if value > MAX_VALUE >> 6 {
            return Err(ExceptionTableError::Overflow { offset: first });
        }
        value = (value << 6) | (byte & 0x3f) as u32;
    }
    Ok(value)
}

/// Decoding iterator over a `co_exceptiontable`; stops after the first error.
pub struct Entries<'a> {
    table: &'a [u8],
    pos: usize,
    failed: bool,
}

impl Iterator for Entries<'_> {
    type Item = Result<ExceptionTableEntry, ExceptionTableError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.table.len() {
            return None;
        }
        let result = self.read_entry();
        self.failed = result.is_err();
        Some(result)
    }
}

impl Entries<'_> {
    fn read_entry(&mut self) -> Result<ExceptionTableEntry, ExceptionTableError> {
        let at = self.pos;
        let start = read_item(self.table, &mut self.pos, true)?;
        let size = read_item(self.table, &mut self.pos, false)?;
        let target = read_item(self.table, &mut self.pos, false)?;
        let depth_lasti = read_item(self.table, &mut self.pos, false)?;
        let end = start
            .checked_add(size)
            .ok_or(ExceptionTableError::Overflow { offset: at })?;
        Ok(ExceptionTableEntry {
            start,
            end,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        })
    }
}

/// Iterate over the entries of a `co_exceptiontable`.
pub fn entries(table: &[u8]) -> Entries<'_> {
    Entries {
        table,
        pos: 0,
        failed: false,
    }
}

/// Decode a whole `co_exceptiontable`.
pub fn decode(table: &[u8]) -> Result<Vec<ExceptionTableEntry>, ExceptionTableError> {
    entries(table).collect()
}

/// The handler covering code unit `index`, as `get_exception_handler` in
/// `ceval.c` finds it (entries are sorted, so the scan stops early).
/// A malformed table has no handler.
pub fn find_handler(table: &[u8], index: u32) -> Option<ExceptionTableEntry> {
    for entry in entries(table) {
        let entry = entry.ok()?;
        if entry.start > index {
            return None;
        }
        if index < entry.end {
            return Some(entry);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of `exception_handling_notes.txt`.
    #[test]
    fn notes_example() {
        let e = ExceptionTableEntry {
            start: 20,
            end: 28,
            target: 100,
            depth: 3,
            lasti: false,
        };
        let bytes = encode(&[e]);
        assert_eq!(bytes, [148, 8, 65, 36, 6]);
        assert_eq!(decode(&bytes), Ok(vec![e]));
        assert_eq!(find_handler(&bytes, 27), Some(e));
        assert_eq!(find_handler(&bytes, 28), None);
        assert_eq!(find_handler(&bytes, 19), None);
    }

    #[test]
    fn large_values_round_trip() {
        for v in [
            0,
            63,
            64,
            4095,
            4096,
            (1 << 18) - 1,
            1 << 18,
            1 << 24,
            MAX_VALUE - 1,
        ] {
            let e = ExceptionTableEntry {
                start: v,
                end: v + 1,
                target: v,
                depth: v >> 1,
                lasti: true,
            };
            assert_eq!(decode(&encode(&[e, e])), Ok(vec![e, e]));
        }
    }

    #[test]
    fn malformed() {
        assert_eq!(decode(&[148, 8, 65]), Err(ExceptionTableError::Truncated));
        assert_eq!(
            decode(&[20]),
            Err(ExceptionTableError::BadEntryStart { offset: 0 })
        );
        assert_eq!(
            decode(&[148, 0x88]),
            Err(ExceptionTableError::BadEntryStart { offset: 1 })
        );
        let too_big = [0xC1, 0x7f, 0x7f, 0x7f, 0x7f, 0x3f, 1, 1, 1];
        assert!(matches!(
            decode(&too_big),
            Err(ExceptionTableError::Overflow { .. })
        ));
        assert_eq!(decode(&[]), Ok(vec![]));
    }
}
