//! Decoding a whole source with the codec a coding cookie names, as `translate_into_utf8`
//! in CPython 3.11's `Parser/tokenizer.c` does through `PyUnicode_Decode` (strict errors).
//!
//! Codec names are looked up as `codecs.lookup` + `encodings.search_function` do (lower case,
//! punctuation runs collapsed to `_`, then the alias table). Supported: UTF-8, Latin-1, ASCII
//! and every single-byte (charmap) codec of the standard library, from tables generated out
//! of python3.11 ([`super::codec_tables`]). Multi-byte CJK codecs and UTF-16/32 are not
//! supported and are reported as unknown encodings (a documented deviation).

use super::codec_tables::{NAMES, SINGLE_BYTE};

/// `encodings.normalize_encoding` applied to a lower-cased name.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c);
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The canonical codec module name for `name`, as `codecs.lookup` would find it.
fn lookup(name: &str) -> Option<&'static str> {
    let norm = normalize_encoding(name);
    let find = |n: &str| {
        NAMES
            .binary_search_by(|(k, _)| (*k).cmp(n))
            .ok()
            .map(|i| NAMES[i].1)
    };
    find(&norm).or_else(|| find(&norm.replace('.', "_")))
}

/// Decodes `bytes` with the codec called `name`; the error is CPython's message.
pub(crate) fn decode(bytes: &[u8], name: &str) -> Result<String, String> {
    let Some(codec) = lookup(name) else {
        return Err(format!("unknown encoding: {name}"));
    };
    if let Some(real) = codec.strip_prefix('!') {
        return Err(format!(
            "'{real}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
        ));
    }
    match codec {
        "utf_8" => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(e) => {
                let pos = e.valid_up_to();
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xC2).contains(&bytes[pos]) || bytes[pos] >= 0xF5 => {
                        "invalid start byte"
                    }
                    Some(_) => "invalid continuation byte",
                };
                Err(format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                    bytes[pos], pos, reason
                ))
            }
        },
        "latin_1" => Ok(bytes.iter().map(|&b| b as char).collect()),
        "ascii" => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(pos) => Err(format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                bytes[pos], pos
            )),
        },
        _ => {
            let Ok(i) = SINGLE_BYTE.binary_search_by(|(k, _)| (*k).cmp(codec)) else {
                return Err(format!("unknown encoding: {name}"));
            };
            let table = SINGLE_BYTE[i].1;
            let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
            for (pos, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                let cp = table[(b - 0x80) as usize];
                match char::from_u32(cp as u32) {
                    Some(ch) if cp != 0xFFFE => out.push(ch),
                    _ => {
                        return Err(format!(
                            "'charmap' codec can't decode byte 0x{b:02x} in position {pos}: \
                             character maps to <undefined>"
                        ))
                    }
                }
            }
            Ok(out)
        }
    }
}
