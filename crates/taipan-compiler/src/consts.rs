//! Constants of a code object (`co_consts`) while compiling, and their
//! identity rules.
//!
//! CPython keeps `u_consts` as a dict keyed by `_PyCode_ConstantKey`
//! (`Objects/codeobject.c`): `1`, `1.0` and `True` are different constants,
//! so are `0.0` and `-0.0`, and tuples compare item by item under the same
//! rule. [`ConstValue`]'s `PartialEq` is that key equality (floats compare
//! by bits). Code objects are never merged, so each carries a serial number.

use taipan_bytecode::marshal::{CodeData, MarshalLong, MarshalStr, MarshalValue};
use taipan_parser::ast::{Constant, IntValue, StrValue};
use taipan_parser::pyrepr;

/// An integer constant: machine-sized, or decimal digits with a sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i128),
    /// Does not fit in an `i128`: optional `-` then decimal digits.
    Big(String),
}

/// A value in `co_consts`.
#[derive(Clone, Debug)]
pub enum ConstValue {
    None,
    Bool(bool),
    Ellipsis,
    Int(Int),
    Float(f64),
    Complex(f64, f64),
    Str(StrValue),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstValue>),
    FrozenSet(Vec<ConstValue>),
    /// A nested code object (the number is a serial, not part of identity).
    Code(Box<CodeData>, usize),
}

impl PartialEq for ConstValue {
    fn eq(&self, other: &ConstValue) -> bool {
        use ConstValue::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            // NaNs are distinct objects in CPython, never merged.
            (Float(a), Float(b)) => !a.is_nan() && a.to_bits() == b.to_bits(),
            (Complex(a, b), Complex(c, d)) => {
                !(a.is_nan() || b.is_nan())
                    && a.to_bits() == c.to_bits()
                    && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => str_eq(a, b),
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (FrozenSet(a), FrozenSet(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            // Equal code objects are merged, as `_PyCode_ConstantKey` and
            // `code_richcompare` do (a `while` test compiled twice, ...).
            (Code(a, _), Code(b, _)) => a == b,
            _ => false,
        }
    }
}

fn str_eq(a: &StrValue, b: &StrValue) -> bool {
    match (a, b) {
        (StrValue::Utf8(x), StrValue::Utf8(y)) => x == y,
        _ => code_points(a) == code_points(b),
    }
}

/// The code points of a string constant.
pub fn code_points(s: &StrValue) -> Vec<u32> {
    match s {
        StrValue::Utf8(t) => t.chars().map(|c| c as u32).collect(),
        StrValue::CodePoints(v) => v.clone(),
    }
}

/// A string constant from code points, as UTF-8 when it has no lone surrogates.
pub fn str_from_code_points(cps: Vec<u32>) -> StrValue {
    let mut out = String::with_capacity(cps.len());
    for &cp in &cps {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => return StrValue::CodePoints(cps),
        }
    }
    StrValue::Utf8(out)
}

/// Length in code points.
pub fn str_len(s: &StrValue) -> usize {
    match s {
        StrValue::Utf8(t) => t.chars().count(),
        StrValue::CodePoints(v) => v.len(),
    }
}

impl ConstValue {
    pub fn str(text: &str) -> ConstValue {
        ConstValue::Str(StrValue::Utf8(text.to_string()))
    }

    pub fn int(v: i128) -> ConstValue {
        ConstValue::Int(Int::Small(v))
    }

    /// The constant an AST `Constant` node holds.
    pub fn from_ast(c: &Constant) -> ConstValue {
        match c {
            Constant::None => ConstValue::None,
            Constant::Bool(b) => ConstValue::Bool(*b),
            Constant::Ellipsis => ConstValue::Ellipsis,
            Constant::Int(IntValue::Small(v)) => ConstValue::Int(Int::Small(*v as i128)),
            Constant::Int(IntValue::Big(d)) => match d.parse::<i128>() {
                Ok(v) => ConstValue::Int(Int::Small(v)),
                Err(_) => ConstValue::Int(Int::Big(d.clone())),
            },
            Constant::Float(f) => ConstValue::Float(*f),
            Constant::Complex { real, imag } => ConstValue::Complex(*real, *imag),
            Constant::Str(s) => ConstValue::Str(s.clone()),
            Constant::Bytes(b) => ConstValue::Bytes(b.clone()),
            Constant::Tuple(items) => ConstValue::Tuple(items.iter().map(Self::from_ast).collect()),
            Constant::FrozenSet(items) => {
                ConstValue::FrozenSet(items.iter().map(Self::from_ast).collect())
            }
        }
    }

    /// Back to an AST constant, where the AST can hold it.
    pub fn to_ast(&self) -> Option<Constant> {
        Some(match self {
            ConstValue::None => Constant::None,
            ConstValue::Bool(b) => Constant::Bool(*b),
            ConstValue::Ellipsis => Constant::Ellipsis,
            ConstValue::Int(Int::Small(v)) => match i64::try_from(*v) {
                Ok(s) => Constant::Int(IntValue::Small(s)),
                Err(_) => Constant::Int(IntValue::Big(v.to_string())),
            },
            ConstValue::Int(Int::Big(d)) => Constant::Int(IntValue::Big(d.clone())),
            ConstValue::Float(f) => Constant::Float(*f),
            ConstValue::Complex(r, i) => Constant::Complex { real: *r, imag: *i },
            ConstValue::Str(s) => Constant::Str(s.clone()),
            ConstValue::Bytes(b) => Constant::Bytes(b.clone()),
            _ => return None,
        })
    }

    /// Python truth value (`PyObject_IsTrue`).
    pub fn is_true(&self) -> bool {
        match self {
            ConstValue::None => false,
            ConstValue::Bool(b) => *b,
            ConstValue::Ellipsis | ConstValue::Code(..) => true,
            ConstValue::Int(Int::Small(v)) => *v != 0,
            ConstValue::Int(Int::Big(_)) => true,
            ConstValue::Float(f) => *f != 0.0,
            ConstValue::Complex(r, i) => *r != 0.0 || *i != 0.0,
            ConstValue::Str(s) => str_len(s) != 0,
            ConstValue::Bytes(b) => !b.is_empty(),
            ConstValue::Tuple(v) | ConstValue::FrozenSet(v) => !v.is_empty(),
        }
    }

    /// As marshal carries it. Strings made only of name characters are
    /// marked interned, as `intern_string_constants` does.
    pub fn to_marshal(&self) -> MarshalValue {
        match self {
            ConstValue::None => MarshalValue::None,
            ConstValue::Bool(true) => MarshalValue::True,
            ConstValue::Bool(false) => MarshalValue::False,
            ConstValue::Ellipsis => MarshalValue::Ellipsis,
            ConstValue::Int(Int::Small(v)) => MarshalValue::int(*v),
            ConstValue::Int(Int::Big(d)) => MarshalValue::Long(big_to_long(d)),
            ConstValue::Float(f) => MarshalValue::Float(*f),
            ConstValue::Complex(r, i) => MarshalValue::Complex(*r, *i),
            ConstValue::Str(s) => MarshalValue::Str(marshal_str(s, all_name_chars(s))),
            ConstValue::Bytes(b) => MarshalValue::Bytes(b.clone()),
            ConstValue::Tuple(v) => MarshalValue::Tuple(v.iter().map(|c| c.to_marshal()).collect()),
            ConstValue::FrozenSet(v) => {
                MarshalValue::FrozenSet(v.iter().map(|c| c.to_marshal()).collect())
            }
            ConstValue::Code(code, _) => MarshalValue::Code(code.clone()),
        }
    }

    /// Python's `repr()`, with frozenset items sorted by their repr (so
    /// that the output does not depend on hashing) and code objects as
    /// `<code NAME>`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            ConstValue::Tuple(v) => {
                out.push('(');
                for (i, item) in v.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if v.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            ConstValue::FrozenSet(v) => {
                if v.is_empty() {
                    out.push_str("frozenset()");
                    return;
                }
                let mut items: Vec<String> = v.iter().map(|c| c.repr()).collect();
                items.sort();
                out.push_str("frozenset({");
                out.push_str(&items.join(", "));
                out.push_str("})");
            }
            ConstValue::Code(code, _) => {
                out.push_str("<code ");
                out.push_str(&code.name.to_string_lossy());
                out.push('>');
            }
            ConstValue::Int(Int::Small(v)) => out.push_str(&v.to_string()),
            ConstValue::Int(Int::Big(d)) => out.push_str(d),
            other => match other.to_ast() {
                Some(c) => pyrepr::write_constant(out, &c),
                None => unreachable!("every other constant has an AST form"),
            },
        }
    }
}

/// Whether every character is `[A-Za-z0-9_]` (`all_name_chars`).
pub fn all_name_chars(s: &StrValue) -> bool {
    match s {
        StrValue::Utf8(t) => t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
        StrValue::CodePoints(_) => false,
    }
}

/// A str for marshal: UTF-8 with lone surrogates as `surrogatepass` writes them.
pub fn marshal_str(s: &StrValue, interned: bool) -> MarshalStr {
    match s {
        StrValue::Utf8(t) => MarshalStr::new(t, interned),
        StrValue::CodePoints(cps) => {
            let mut data = Vec::new();
            for &cp in cps {
                if (0xD800..0xE000).contains(&cp) {
                    data.push(0xE0 | (cp >> 12) as u8);
                    data.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                    data.push(0x80 | (cp & 0x3F) as u8);
                } else if let Some(c) = char::from_u32(cp) {
                    let mut buf = [0; 4];
                    data.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
            MarshalStr { data, interned }
        }
    }
}

/// Decimal digits (optional leading `-`) to marshal's 15-bit digits.
fn big_to_long(d: &str) -> MarshalLong {
    let (negative, digits) = match d.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, d),
    };
    // Repeated division of a base-10^9 number by 2^15.
    let mut chunks: Vec<u64> = Vec::new();
    let bytes = digits.as_bytes();
    let mut end = bytes.len();
    while end > 0 {
        let start = end.saturating_sub(9);
        let s = std::str::from_utf8(&bytes[start..end]).unwrap_or("0");
        chunks.push(s.parse().unwrap_or(0));
        end = start;
    }
    chunks.reverse(); // most significant first
    let mut out = Vec::new();
    while chunks.iter().any(|&c| c != 0) {
        let mut rem = 0u64;
        for c in chunks.iter_mut() {
            let cur = rem * 1_000_000_000 + *c;
            *c = cur >> 15;
            rem = cur & 0x7fff;
        }
        out.push(rem as u16);
    }
    MarshalLong {
        negative,
        digits: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_identity_follows_pycode_constantkey() {
        assert_ne!(ConstValue::int(1), ConstValue::Float(1.0));
        assert_ne!(ConstValue::int(1), ConstValue::Bool(true));
        assert_ne!(ConstValue::Float(0.0), ConstValue::Float(-0.0));
        assert_ne!(ConstValue::Float(f64::NAN), ConstValue::Float(f64::NAN));
        assert_eq!(
            ConstValue::str("a"),
            ConstValue::Str(StrValue::CodePoints(vec![97]))
        );
        assert_eq!(
            ConstValue::Tuple(vec![ConstValue::int(1), ConstValue::str("x")]),
            ConstValue::Tuple(vec![ConstValue::int(1), ConstValue::str("x")])
        );
        assert_ne!(
            ConstValue::Tuple(vec![ConstValue::int(1)]),
            ConstValue::Tuple(vec![ConstValue::Bool(true)])
        );
    }

    #[test]
    fn big_ints_marshal_to_15_bit_digits() {
        let v = ConstValue::Int(Int::Big("340282366920938463463374607431768211456".into())); // 2**128
        let MarshalValue::Long(l) = v.to_marshal() else {
            panic!("not a long")
        };
        assert!(!l.negative);
        assert_eq!(l.digits.len(), 9);
        assert_eq!(l.digits[8], 1 << 8);
        assert!(l.digits[..8].iter().all(|&d| d == 0));
    }

    #[test]
    fn reprs() {
        let t = ConstValue::Tuple(vec![
            ConstValue::str("a"),
            ConstValue::Float(1.5),
            ConstValue::None,
        ]);
        assert_eq!(t.repr(), "('a', 1.5, None)");
        assert_eq!(ConstValue::Tuple(vec![ConstValue::int(-3)]).repr(), "(-3,)");
        let f = ConstValue::FrozenSet(vec![ConstValue::int(2), ConstValue::int(1)]);
        assert_eq!(f.repr(), "frozenset({1, 2})");
    }
}
