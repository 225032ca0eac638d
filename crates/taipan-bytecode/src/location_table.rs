//! The 3.11 location table (`co_linetable`): encoder, decoder, `co_positions()`
//! and `co_lines()`.
//!
//! Follows `Objects/locations.md`, the writer in `Python/compile.c`
//! (`write_location_info_entry` and friends) and the reader in
//! `Objects/codeobject.c` (`advance_with_locations`, `positionsiter_next`,
//! `lineiter_next`).
//!
//! The table is a sequence of entries, each covering 1 to 8 code units. An
//! entry's first byte is `1cccclll`: bit 7 marks an entry start, `cccc` is
//! the form and `lll` is the length minus one. Lines are deltas from the
//! previous entry's start line (the first from `co_firstlineno`):
//!
//! | code  | form       | line          | end line      | column      | end column  |
//! |-------|------------|---------------|---------------|-------------|-------------|
//! | 0-9   | short      | same          | same          | code*8 + hi nibble of byte 2 | column + lo nibble |
//! | 10-12 | one line   | + (code - 10) | same          | byte        | byte        |
//! | 13    | no column  | + svarint     | same          | none        | none        |
//! | 14    | long       | + svarint     | line + varint | varint - 1  | varint - 1  |
//! | 15    | none       | none          | none          | none        | none        |
//!
//! Varints here are little-endian 6-bit chunks with bit 6 as "more"
//! (unlike the exception table's big-endian ones); a signed varint keeps the
//! sign in bit 0. The "none" form does not move the running line.

use std::fmt;

/// The source span of one code unit, as one item of `co_positions()`.
/// `None` is where CPython gives `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

impl Location {
    /// A full span.
    pub const fn new(line: i32, end_line: i32, col: i32, end_col: i32) -> Location {
        Location {
            line: Some(line),
            end_line: Some(end_line),
            col: Some(col),
            end_col: Some(end_col),
        }
    }

    /// No location at all (code 15), for artificial instructions.
    pub const NONE: Location = Location {
        line: None,
        end_line: None,
        col: None,
        end_col: None,
    };
}

/// One entry of the table: `length` code units (1 to 8) sharing `location`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationEntry {
    pub length: u8,
    pub location: Location,
}

/// The forms of an entry (`_PyCodeLocationInfoKind`).
pub mod code {
    /// Short forms are `SHORT0 + column / 8`, up to `SHORT0 + 9`.
    pub const SHORT0: u8 = 0;
    /// One-line forms are `ONE_LINE0 + line delta`, for deltas 0 to 2.
    pub const ONE_LINE0: u8 = 10;
    pub const NO_COLUMNS: u8 = 13;
    pub const LONG: u8 = 14;
    pub const NONE: u8 = 15;
}

/// Why a `co_linetable` could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocationTableError {
    /// The table ends inside an entry.
    Truncated,
    /// A byte where an entry should start lacks bit 7, or a byte inside an
    /// entry has it.
    BadEntryStart { offset: usize },
    /// A varint longer than 32 bits.
    Overflow { offset: usize },
}

impl fmt::Display for LocationTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocationTableError::Truncated => f.write_str("location table ends inside an entry"),
            LocationTableError::BadEntryStart { offset } => {
                write!(f, "bad location table entry marker at byte {offset}")
            }
            LocationTableError::Overflow { offset } => {
                write!(f, "location table varint too long at byte {offset}")
            }
        }
    }
}

impl std::error::Error for LocationTableError {}

/// CPython's internal "no value" for lines and columns.
const MISSING: i32 = -1;

fn raw(v: Option<i32>) -> i32 {
    v.unwrap_or(MISSING)
}

fn opt(v: i32) -> Option<i32> {
    (v != MISSING).then_some(v)
}

fn write_varint(out: &mut Vec<u8>, mut val: u32) {
    while val >= 64 {
        out.push(64 | (val & 63) as u8);
        val >>= 6;
    }
    out.push(val as u8);
}

fn write_signed_varint(out: &mut Vec<u8>, val: i32) {
    let u = if val < 0 {
        (val.unsigned_abs() << 1) | 1
    } else {
        (val as u32) << 1
    };
    write_varint(out, u);
}

/// Builds a `co_linetable` instruction by instruction, making the same
/// choice of form as CPython 3.11's assembler, so that a compiler feeding
/// it CPython's positions gets CPython's bytes.
#[derive(Clone, Debug)]
pub struct LineTableWriter {
    out: Vec<u8>,
    /// The running start line (`a_lineno`): that of the last entry with a line.
    prev_line: i32,
}

impl LineTableWriter {
    /// A writer for a code object whose `co_firstlineno` is `first_lineno`.
    pub fn new(first_lineno: i32) -> LineTableWriter {
        LineTableWriter {
            out: Vec::new(),
            prev_line: first_lineno,
        }
    }

    /// Add one instruction of `units` code units (itself, its `EXTENDED_ARG`
    /// prefixes and its caches) at `location`. Instructions longer than 8
    /// units take several entries, as `assemble_emit_location` does.
    pub fn push(&mut self, mut units: usize, location: Location) {
        while units > 8 {
            self.push_entry(8, location);
            units -= 8;
        }
        if units > 0 {
            self.push_entry(units as u8, location);
        }
    }

    fn first_byte(&mut self, code: u8, length: u8) {
        self.out.push(0x80 | (code << 3) | (length - 1));
    }

    /// One entry of 1 to 8 code units (`write_location_info_entry`).
    pub fn push_entry(&mut self, length: u8, location: Location) {
        assert!(
            (1..=8).contains(&length),
            "location entry of {length} code units"
        );
        let Some(line) = location.line else {
            self.first_byte(code::NONE, length);
            return;
        };
        let end_line = raw(location.end_line);
        let col = raw(location.col);
        let end_col = raw(location.end_col);
        let line_delta = line.wrapping_sub(self.prev_line);
        if col < 0 || end_col < 0 {
            if end_line == line || end_line == MISSING {
                self.first_byte(code::NO_COLUMNS, length);
                write_signed_varint(&mut self.out, line_delta);
                self.prev_line = line;
                return;
            }
        } else if end_line == line {
            if line_delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
                self.first_byte(code::SHORT0 + (col >> 3) as u8, length);
                self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                self.first_byte(code::ONE_LINE0 + line_delta as u8, length);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.prev_line = line;
                return;
            }
        }
        self.first_byte(code::LONG, length);
        write_signed_varint(&mut self.out, line_delta);
        write_varint(&mut self.out, end_line.wrapping_sub(line) as u32);
        write_varint(&mut self.out, col.wrapping_add(1) as u32);
        write_varint(&mut self.out, end_col.wrapping_add(1) as u32);
        self.prev_line = line;
    }

    /// The finished `co_linetable`.
    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Encode entries (each of 1 to 8 code units) as CPython 3.11 would.
pub fn encode(first_lineno: i32, entries: &[LocationEntry]) -> Vec<u8> {
    let mut w = LineTableWriter::new(first_lineno);
    for e in entries {
        w.push_entry(e.length, e.location);
    }
    w.finish()
}

struct Reader<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, LocationTableError> {
        let b = *self
            .table
            .get(self.pos)
            .ok_or(LocationTableError::Truncated)?;
        if b & 0x80 != 0 {
            return Err(LocationTableError::BadEntryStart { offset: self.pos });
        }
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u32, LocationTableError> {
        let start = self.pos;
        let mut b = self.byte()?;
        let mut val = (b & 63) as u32;
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift >= 32 {
                return Err(LocationTableError::Overflow { offset: start });
            }
            val |= ((b & 63) as u32) << shift;
        }
        Ok(val)
    }

    fn signed_varint(&mut self) -> Result<i32, LocationTableError> {
        let u = self.varint()?;
        let magnitude = (u >> 1) as i32;
        Ok(if u & 1 != 0 { -magnitude } else { magnitude })
    }
}

/// Decode a `co_linetable` into its entries.
pub fn decode(first_lineno: i32, table: &[u8]) -> Result<Vec<LocationEntry>, LocationTableError> {
    let mut r = Reader { table, pos: 0 };
    let mut line = first_lineno;
    let mut entries = Vec::with_capacity(table.len() / 2);
    while r.pos < table.len() {
        let first = table[r.pos];
        if first & 0x80 == 0 {
            return Err(LocationTableError::BadEntryStart { offset: r.pos });
        }
        r.pos += 1;
        let length = (first & 7) + 1;
        let location = match (first >> 3) & 15 {
            code::NONE => Location::NONE,
            code::LONG => {
                line = line.wrapping_add(r.signed_varint()?);
                let end_line = line.wrapping_add(r.varint()? as i32);
                let col = (r.varint()? as i32).wrapping_sub(1);
                let end_col = (r.varint()? as i32).wrapping_sub(1);
                Location {
                    line: opt(line),
                    end_line: opt(end_line),
                    col: opt(col),
                    end_col: opt(end_col),
                }
            }
            code::NO_COLUMNS => {
                line = line.wrapping_add(r.signed_varint()?);
                Location {
                    line: opt(line),
                    end_line: opt(line),
                    col: None,
                    end_col: None,
                }
            }
            c @ 10..=12 => {
                line = line.wrapping_add((c - code::ONE_LINE0) as i32);
                let col = r.byte()? as i32;
                let end_col = r.byte()? as i32;
                Location::new(line, line, col, end_col)
            }
            c => {
                let second = r.byte()? as i32;
                let col = ((c as i32) << 3) | (second >> 4);
                Location {
                    line: opt(line),
                    end_line: opt(line),
                    col: Some(col),
                    end_col: Some(col + (second & 15)),
                }
            }
        };
        entries.push(LocationEntry { length, location });
    }
    Ok(entries)
}

/// `co_positions()`: one location per code unit.
pub fn positions(entries: &[LocationEntry]) -> Vec<Location> {
    entries
        .iter()
        .flat_map(|e| std::iter::repeat_n(e.location, e.length as usize))
        .collect()
}

/// `co_lines()`: `(start, end, line)` per entry, in code units (CPython
/// reports bytes: multiply by 2). 3.11 does not merge neighbouring entries.
pub fn lines(entries: &[LocationEntry]) -> Vec<(u32, u32, Option<i32>)> {
    let mut start = 0u32;
    entries
        .iter()
        .map(|e| {
            let end = start + e.length as u32;
            let item = (start, end, e.location.line);
            start = end;
            item
        })
        .collect()
}

/// The location of code unit `index`, or `None` past the end
/// (`PyCode_Addr2Location` without the negative-index case).
pub fn location_of(entries: &[LocationEntry], index: usize) -> Option<Location> {
    let mut start = 0usize;
    for e in entries {
        start += e.length as usize;
        if index < start {
            return Some(e.location);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(first: i32, entries: &[LocationEntry]) -> Vec<u8> {
        let bytes = encode(first, entries);
        assert_eq!(decode(first, &bytes).unwrap(), entries);
        bytes
    }

    #[test]
    fn each_form() {
        let e = |length, location| LocationEntry { length, location };
        // short: same line, column 4..8
        assert_eq!(
            round_trip(1, &[e(1, Location::new(1, 1, 4, 8))]),
            [0x80, 0x44]
        );
        // one line, delta 1
        assert_eq!(
            round_trip(1, &[e(2, Location::new(2, 2, 0, 100))]),
            [0xD9, 0, 100]
        );
        // no columns, delta -1
        let nocol = Location {
            line: Some(4),
            end_line: Some(4),
            col: None,
            end_col: None,
        };
        assert_eq!(round_trip(5, &[e(1, nocol)]), [0xE8, 3]);
        // long: lines 3..5, columns 0..200
        assert_eq!(
            round_trip(1, &[e(8, Location::new(3, 5, 0, 200))]),
            [0xF7, 4, 2, 1, 0x49, 3]
        );
        // none, which leaves the running line alone
        assert_eq!(
            round_trip(1, &[e(1, Location::NONE), e(1, Location::new(1, 1, 0, 1))]),
            [0xF8, 0x80, 0x01]
        );
    }

    #[test]
    fn long_instructions_split_into_eights() {
        let mut w = LineTableWriter::new(1);
        w.push(10, Location::new(1, 1, 0, 3));
        let entries = decode(1, &w.finish()).unwrap();
        assert_eq!(entries.iter().map(|e| e.length).collect::<Vec<_>>(), [8, 2]);
        assert_eq!(positions(&entries).len(), 10);
        assert_eq!(lines(&entries), [(0, 8, Some(1)), (8, 10, Some(1))]);
        assert_eq!(location_of(&entries, 9), Some(Location::new(1, 1, 0, 3)));
        assert_eq!(location_of(&entries, 10), None);
    }

    #[test]
    fn malformed() {
        assert_eq!(
            decode(1, &[0x01]),
            Err(LocationTableError::BadEntryStart { offset: 0 })
        );
        assert_eq!(decode(1, &[0x80]), Err(LocationTableError::Truncated));
        assert_eq!(
            decode(1, &[0xF0, 0x80]),
            Err(LocationTableError::BadEntryStart { offset: 1 })
        );
        assert!(matches!(
            decode(1, &[0xE8, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01]),
            Err(LocationTableError::Overflow { .. })
        ));
    }
}
