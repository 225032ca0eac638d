//! The `_io` module driven from Python source: StringIO, BytesIO, the
//! abstract bases, FileIO, the buffered classes, TextIOWrapper and open().
//! Each case leaves its answer in the global `r`, compared with what
//! CPython 3.11 gives.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::module::PyModule;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Serializes the tests: a thread keeps the GIL until it ends, so one test
/// holds the lock for its whole run.
fn lock() -> std::sync::MutexGuard<'static, ()> {
    {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner())
}

fn run(src: &str) -> Result<String, String> {
    taipan_vm::interp::initialize().map_err(|_| "init".to_string())?;
    let show = |e: PyErr| {
        format!(
            "{}: {}",
            e.value().ty().name(),
            protocol::str_string(e.value()).unwrap_or_default()
        )
    };
    let code = taipan_vm::run::compile_source(src.as_bytes(), "<test>").map_err(show)?;
    let m = PyModule::new("__test__").map_err(show)?;
    let globals = m.downcast::<PyModule>().ok_or("not a module")?.dict();
    let gd = globals.downcast::<PyDict>().ok_or("not a dict")?;
    let b = taipan_vm::interp::interp()
        .builtins
        .clone()
        .ok_or("no builtins")?;
    gd.set_str("__builtins__", b).map_err(show)?;
    taipan_vm::run::exec_code(&code, &globals, None).map_err(show)?;
    let r = gd.get_str("r").map_err(show)?.ok_or("no r")?;
    protocol::str_string(&r).map_err(show)
}

fn check(src: &str, expected: &str) {
    assert_eq!(run(src).as_deref(), Ok(expected), "source: {src}");
}

#[test]
fn stringio_read_write_seek() {
    let _g = lock();
    check(
        "import _io\ns = _io.StringIO('ab\\ncd\\n')\nr = [s.read(1), s.readline(), s.tell(), s.readlines(), s.read()]",
        "['a', 'b\\n', 3, ['cd\\n'], '']",
    );
    check(
        "import _io\ns = _io.StringIO('abc')\ns.seek(5)\ns.write('z')\nr = repr(s.getvalue())",
        "'abc\\x00\\x00z'",
    );
    check(
        "import _io\ns = _io.StringIO('abcdef')\nr = (s.truncate(2), s.getvalue(), s.tell())",
        "(2, 'ab', 0)",
    );
}

#[test]
fn stringio_newlines() {
    let _g = lock();
    check(
        "import _io\ns = _io.StringIO('a\\r\\nb\\rc\\n', newline=None)\nr = (repr(s.getvalue()), s.newlines)",
        "(\"'a\\\\nb\\\\nc\\\\n'\", ('\\r', '\\n', '\\r\\n'))",
    );
    check(
        "import _io\nr = _io.StringIO('a\\r\\nb\\rc', newline='').readlines()",
        "['a\\r\\n', 'b\\r', 'c']",
    );
    check(
        "import _io\nr = repr(_io.StringIO('a\\nb', newline='\\r\\n').getvalue())",
        "'a\\r\\nb'",
    );
}

#[test]
fn stringio_errors() {
    let _g = lock();
    check(
        "import _io\ns = _io.StringIO()\ns.close()\ntry:\n    s.read()\nexcept ValueError as e:\n    r = str(e)",
        "I/O operation on closed file",
    );
    check(
        "import _io\ntry:\n    _io.StringIO().write(1)\nexcept TypeError as e:\n    r = str(e)",
        "string argument expected, got 'int'",
    );
    check(
        "import _io\ntry:\n    _io.StringIO().fileno()\nexcept _io.UnsupportedOperation as e:\n    r = (str(e), isinstance(e, OSError), isinstance(e, ValueError))",
        "('fileno', True, True)",
    );
}

#[test]
fn bytesio() {
    let _g = lock();
    check(
        "import _io\nb = _io.BytesIO(b'0123456789')\nr = (b.seek(-3, 2), b.read(), b.seek(100), b.read(), b.tell())",
        "(7, b'789', 100, b'', 100)",
    );
    check(
        "import _io\nb = _io.BytesIO()\nb.write(b'ab\\ncd')\nb.seek(0)\nr = list(b)",
        "[b'ab\\n', b'cd']",
    );
    check(
        "import _io\nb = _io.BytesIO(b'xyz')\nba = bytearray(2)\nr = (b.readinto(ba), ba)",
        "(2, bytearray(b'xy'))",
    );
    check(
        "import _io\ntry:\n    _io.BytesIO().seek(-1)\nexcept ValueError as e:\n    r = str(e)",
        "negative seek value -1",
    );
}

#[test]
fn subclass_of_raw_base() {
    let _g = lock();
    check(
        "import _io\nclass R(_io._RawIOBase):\n    def __init__(self):\n        self.d = b'hi\\nthere'\n    def readable(self):\n        return True\n    def readinto(self, b):\n        n = min(len(b), len(self.d))\n        b[:n] = self.d[:n]\n        self.d = self.d[n:]\n        return n\nx = R()\nr = (x.readline(), x.read(), x.closed)",
        "(b'hi\\n', b'there', False)",
    );
}

#[test]
fn files_through_open() {
    let _g = lock();
    check(
        "p = '/tmp/taipan_io_basic_rs.txt'\nwith open(p, 'w') as f:\n    f.write('one\\ntwo\\r\\n')\nwith open(p) as f:\n    a = f.readlines()\nwith open(p, 'rb') as f:\n    b = f.read()\nr = (a, b)",
        "(['one\\n', 'two\\n'], b'one\\ntwo\\r\\n')",
    );
    check(
        "try:\n    open('/nonexistent/dir/x')\nexcept OSError as e:\n    r = (type(e).__name__, str(e))",
        "('FileNotFoundError', \"[Errno 2] No such file or directory: '/nonexistent/dir/x'\")",
    );
    check(
        "try:\n    open('x', 'rw')\nexcept ValueError as e:\n    r = str(e)",
        "must have exactly one of create/read/write/append mode",
    );
}
