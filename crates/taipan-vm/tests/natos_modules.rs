//! The native modules `posix`, `_random`, `_sha512`, `_struct`, `array`,
//! `_warnings`, and the `time`/`math` additions, driven from Python source.
//! Each case leaves its answer in the global `r`, compared with what
//! CPython 3.11 gives.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::module::PyModule;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    static GUARD: std::cell::RefCell<Option<std::sync::MutexGuard<'static, ()>>> =
        const { std::cell::RefCell::new(None) };
}

/// The runtime's GIL is held by a thread until it ends, so each test thread
/// takes a process-wide lock for its whole run.
fn run(src: &str) -> Result<String, String> {
    GUARD.with(|g| {
        let mut g = g.borrow_mut();
        if g.is_none() {
            *g = Some(LOCK.lock().unwrap_or_else(|e| e.into_inner()));
        }
    });
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
    let globals = m.downcast::<PyModule>().ok_or("module")?.dict();
    let gd = globals.downcast::<PyDict>().ok_or("dict")?;
    let b = taipan_vm::interp::interp()
        .builtins
        .clone()
        .ok_or("builtins")?;
    gd.set_str("__builtins__", b).map_err(show)?;
    taipan_vm::run::exec_code(&code, &globals, None).map_err(show)?;
    let r = gd.get_str("r").map_err(show)?.ok_or("no r")?;
    protocol::str_string(&r).map_err(show)
}

fn check(src: &str, expected: &str) {
    assert_eq!(run(src).as_deref(), Ok(expected), "source: {src}");
}

#[test]
fn posix_errors_carry_errno_and_filename() {
    check(
        "import posix\ntry:\n    posix.stat('no/such/file')\nexcept OSError as e:\n    r = repr(e) + '|' + str(e)",
        "FileNotFoundError(2, 'No such file or directory')|[Errno 2] No such file or directory: 'no/such/file'",
    );
    check(
        "import posix\ntry:\n    posix.rename('no_such_a', 'no_such_b')\nexcept OSError as e:\n    r = str(e)",
        "[Errno 2] No such file or directory: 'no_such_a' -> 'no_such_b'",
    );
    check("import posix\nr = posix.strerror(13)", "Permission denied");
}

#[test]
fn posix_stat_result_fields() {
    check(
        "import posix\ns = posix.stat('/')\nr = (s.st_mode & 0o170000 == 0o040000, len(s), type(s.st_mtime).__name__, s[8] == int(s.st_mtime))",
        "(True, 10, 'float', True)",
    );
    check(
        "import posix\nr = repr(posix.stat_result(tuple(range(10))))",
        "os.stat_result(st_mode=0, st_ino=1, st_dev=2, st_nlink=3, st_uid=4, st_gid=5, st_size=6, st_atime=7, st_mtime=8, st_ctime=9)",
    );
}

#[test]
fn posix_pipe_read_write() {
    check(
        "import posix\na, b = posix.pipe()\nposix.write(b, b'abc')\nr = posix.read(a, 10)\nposix.close(a)\nposix.close(b)",
        "b'abc'",
    );
}

#[test]
fn random_matches_cpython() {
    check(
        "import _random\nx = _random.Random(42)\nr = (x.random(), x.getrandbits(70))",
        "(0.6394267984578837, 327273841618135227089)",
    );
    check(
        "import _random\nx = _random.Random(2**100 + 12345)\nr = x.random()",
        "0.44487310994347073",
    );
    check(
        "import _random\nx = _random.Random(5)\ns = x.getstate()\na = x.random()\nx.setstate(s)\nr = (a == x.random(), len(s))",
        "(True, 625)",
    );
}

#[test]
fn sha512_digests() {
    check(
        "import _sha512\nr = _sha512.sha384(b'abc').hexdigest()",
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    );
    check(
        "import _sha512\nr = _sha512.sha512(b'x' * 112).hexdigest()[:16]",
        "a3722b515ef40c91",
    );
}

#[test]
fn struct_pack_unpack() {
    check(
        "import _struct\nr = (_struct.pack('<hiQ?d', -2, 7, 2**64-1, True, 1.5), _struct.calcsize('bq'))",
        "(b'\\xfe\\xff\\x07\\x00\\x00\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\xf8?', 16)",
    );
    check(
        "import _struct\ntry:\n    _struct.pack('h', 70000)\nexcept _struct.error as e:\n    r = str(e)",
        "short format requires -32768 <= number <= 32767",
    );
}

#[test]
fn array_basics() {
    check(
        "import array\na = array.array('i', [1, 2, 3])\na.append(4)\nr = (repr(a[1:]), a.tobytes()[:8], a.itemsize)",
        "(\"array('i', [2, 3, 4])\", b'\\x01\\x00\\x00\\x00\\x02\\x00\\x00\\x00', 4)",
    );
    check(
        "import array\ntry:\n    array.array('b', [200])\nexcept OverflowError as e:\n    r = str(e)",
        "signed char is greater than maximum",
    );
}

#[test]
fn time_and_math_additions() {
    check(
        "import time\nr = (repr(time.gmtime(0)), time.asctime(time.gmtime(10**9)))",
        "('time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)', 'Sun Sep  9 01:46:40 2001')",
    );
    check(
        "import math\nr = (math.gamma(0.5), math.lgamma(-2.7), math.erf(0.1))",
        "(1.7724538509055159, -0.07140708531564521, 0.1124629160182849)",
    );
}
