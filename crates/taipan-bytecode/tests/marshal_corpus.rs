//! Marshal against CPython 3.11: `scripts/gen_marshal_corpus.py` makes
//! python3.11 marshal every stdlib module's code object (and a tuple of
//! assorted values) into a temporary directory; each file must load, match
//! the summary python3.11 printed, and dump back to the same bytes. Then
//! malformed input: every truncation, corrupted bytes, huge lengths, deep
//! nesting and reference bombs must give an `Err`, never a panic.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use taipan_bytecode::marshal::{self, CodeData, MarshalErrorKind, MarshalStr, MarshalValue};

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn make_corpus() -> TempDir {
    let dir = std::env::temp_dir().join(format!("taipan-marshal-corpus-{}", std::process::id()));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/gen_marshal_corpus.py");
    let status = Command::new(common::python())
        .arg(&script)
        .arg(&dir)
        .status()
        .expect("run python3.11");
    assert!(status.success(), "gen_marshal_corpus.py failed");
    TempDir(dir)
}

fn walk<'a>(code: &'a CodeData, out: &mut Vec<&'a CodeData>) {
    out.push(code);
    for c in &code.consts {
        if let MarshalValue::Code(inner) = c {
            walk(inner, out);
        }
    }
}

fn s(x: &MarshalStr) -> String {
    x.to_string_lossy()
}

#[test]
fn stdlib_code_objects_round_trip() {
    let corpus = make_corpus();
    let summary = std::fs::read_to_string(corpus.0.join("summary.tsv")).unwrap();
    let mut files = 0;
    let mut codes = 0;
    let mut identical = 0;
    let mut bytes_total = 0;
    let mut lines = summary.lines().peekable();
    while let Some(line) = lines.next() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f[0], "file");
        let data = std::fs::read(corpus.0.join(format!("{}.marshal", f[1]))).unwrap();
        let (value, plan) =
            marshal::loads_with_plan(&data).unwrap_or_else(|e| panic!("{}: {e}", f[2]));
        let MarshalValue::Code(top) = &value else {
            panic!("{}: not a code object", f[2])
        };
        let mut ours = Vec::new();
        walk(top, &mut ours);
        let mut i = 0;
        while let Some(line) = lines.next_if(|l| l.starts_with("code\t")) {
            let c: Vec<&str> = line.split('\t').collect();
            let code = ours
                .get(i)
                .unwrap_or_else(|| panic!("{}: too few code objects", f[2]));
            let got = [
                s(&code.name),
                s(&code.qualname),
                code.consts.len().to_string(),
                code.names.len().to_string(),
                code.varnames().len().to_string(),
                code.cellvars().len().to_string(),
                code.freevars().len().to_string(),
                code.firstlineno.to_string(),
                code.argcount.to_string(),
                code.flags.to_string(),
                code.code.len().to_string(),
            ];
            assert_eq!(got.to_vec(), c[1..].to_vec(), "{}: code object {i}", f[2]);
            assert_eq!(s(&code.filename), f[2]);
            i += 1;
        }
        assert_eq!(i, ours.len(), "{}: code object count", f[2]);
        codes += i;
        files += 1;
        bytes_total += data.len();
        let again = marshal::dumps_with_plan(&value, &plan).unwrap();
        assert_eq!(again, data, "{}: dumps(loads(x)) differs", f[2]);
        identical += 1;
        // Without the plan: different FLAG_REF choices, the same value;
        // some of these go to python3.11 below.
        let plain = marshal::dumps(&value).unwrap();
        assert_eq!(marshal::loads(&plain).unwrap(), value, "{}", f[2]);
        if files % 25 == 0 {
            std::fs::write(corpus.0.join(format!("{}.ours", f[1])), plain).unwrap();
        }
    }
    println!(
        "marshal: {identical}/{files} stdlib modules ({codes} code objects, {bytes_total} bytes) \
         load, match python3.11's summary and dump back byte-identically"
    );
    assert!(files > 400 && codes > 15_000);

    let data = std::fs::read(corpus.0.join("values.marshal")).unwrap();
    let (value, plan) = marshal::loads_with_plan(&data).unwrap();
    assert_eq!(marshal::dumps_with_plan(&value, &plan).unwrap(), data);
    let MarshalValue::Tuple(items) = &value else {
        panic!()
    };
    assert_eq!(items[0], MarshalValue::None);
    assert_eq!(items[4], MarshalValue::StopIteration);
    let MarshalValue::Long(big) = &items[15] else {
        panic!()
    };
    assert_eq!(big.digits.len(), 57); // 7**300 has 843 bits
    assert!(matches!(items[21], MarshalValue::Float(f) if f.is_nan()));
    assert_eq!(items[34], items[35]);
    std::fs::write(
        corpus.0.join("values.ours"),
        marshal::dumps(&value).unwrap(),
    )
    .unwrap();

    // python3.11 loads what our plan-less writer made to the value it wrote.
    let check = r#"
import glob, marshal, sys
n = 0
for ours in sorted(glob.glob(sys.argv[1] + "/*.ours")):
    a = marshal.loads(open(ours, "rb").read())
    b = marshal.loads(open(ours[:-5] + ".marshal", "rb").read())
    assert a == b or repr(a) == repr(b), ours
    n += 1
print(n)
"#;
    let out = Command::new(common::python())
        .args(["-c", check])
        .arg(&corpus.0)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let checked: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    println!("python3.11 loads {checked} of our plan-less dumps to equal values");
    assert!(checked > 20);
}

/// Every prefix of real data, and every single-byte corruption of a small
/// module, must fail cleanly (or, for corruptions, maybe succeed).
#[test]
fn malformed_input_is_an_error() {
    let out = Command::new(common::python())
        .args(["-c", "import marshal,sys; sys.stdout.buffer.write(marshal.dumps(compile(open('/usr/lib/python3.11/abc.py').read(), 'abc.py', 'exec')))"])
        .output()
        .unwrap();
    let data = out.stdout;
    assert!(marshal::loads(&data).is_ok());
    for n in 0..data.len() {
        let err = marshal::loads(&data[..n]).unwrap_err();
        assert_eq!(err.kind, MarshalErrorKind::EOFError, "prefix {n}: {err}");
    }
    for i in (0..data.len()).step_by(3) {
        for b in [0x00, 0x7f, 0x80, 0xff, b'r', b'l', b'(', b'c'] {
            let mut bad = data.clone();
            bad[i] = b;
            let _ = marshal::loads(&bad);
        }
    }
}

#[test]
fn bad_type_code_and_huge_lengths() {
    let value_error = |bytes: &[u8]| {
        let err = marshal::loads(bytes).unwrap_err();
        assert_eq!(err.kind, MarshalErrorKind::ValueError, "{bytes:?}: {err}");
        err.message
    };
    assert_eq!(value_error(b"?"), "bad marshal data (unknown type code)");
    assert_eq!(
        value_error(b"r\x00\x00\x00\x00"),
        "bad marshal data (invalid reference)"
    );
    assert!(value_error(b"(\xff\xff\xff\xff").contains("size out of range"));
    assert!(value_error(b"l\x01\x00\x00\x00\x00\x00").contains("unnormalized"));
    // Lengths far beyond the data: EOFError before any allocation.
    for bytes in [
        &b"s\xff\xff\xff\x7f"[..],
        b"(\xff\xff\xff\x7f",
        b"[\xff\xff\xff\x7f",
        b"<\xff\xff\xff\x7f",
        b"u\xff\xff\xff\x7f",
        b"a\xff\xff\xff\x7f",
        b"l\xff\xff\xff\x7f",
    ] {
        assert_eq!(
            marshal::loads(bytes).unwrap_err().kind,
            MarshalErrorKind::EOFError
        );
    }
    // A list that contains itself cannot be plain data.
    assert!(marshal::loads(b"\xdb\x01\x00\x00\x00r\x00\x00\x00\x00").is_err());
    // Bad UTF-8.
    assert!(marshal::loads(b"u\x01\x00\x00\x00\xff").is_err());
    // Code object fields of the wrong type.
    let mut code = b"c".to_vec();
    code.extend([0u8; 20]);
    code.push(b'N');
    assert_eq!(
        marshal::loads(&code).unwrap_err().kind,
        MarshalErrorKind::TypeError
    );
}

#[test]
fn deep_nesting() {
    let nested = |depth: usize| {
        let mut v = [b')', 1].repeat(depth);
        v.push(b'N');
        v
    };
    assert!(marshal::loads(&nested(1999)).is_ok());
    let err = marshal::loads(&nested(100_000)).unwrap_err();
    assert_eq!(err.message, "recursion limit exceeded");
    // Writing nests no deeper either.
    let mut v = MarshalValue::None;
    for _ in 0..3000 {
        v = MarshalValue::List(vec![v]);
    }
    assert!(marshal::dumps(&v).is_err());
}

/// Each level a flagged pair of references to the level below: a few bytes
/// that would expand to 2**40 nodes if references were copied blindly.
#[test]
fn reference_bombs_are_bounded() {
    // A list of the 41 levels and one last reference to the top.
    let mut data = vec![b'[', 42, 0, 0, 0];
    data.extend([0x80 | b')', 2, b'N', b'N']);
    let mut last = 0u32;
    for level in 1..=40u32 {
        data.extend([0x80 | b')', 2]);
        for _ in 0..2 {
            data.push(b'r');
            data.extend(last.to_le_bytes());
        }
        last = level;
    }
    data.extend([b'r']);
    data.extend(last.to_le_bytes());
    let err = marshal::loads(&data).unwrap_err();
    assert!(err.message.contains("size limit"), "{err}");
}
