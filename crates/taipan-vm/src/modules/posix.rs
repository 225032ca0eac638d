//! The `posix` module (CPython's `Modules/posixmodule.c`): the system calls
//! `os` is built on, through `libc`. Errors are `OSError` built from
//! `errno` (so the subclass mapping gives `FileNotFoundError` etc.) with the
//! filename argument attached, as `path_error()` does.
//!
//! Taipan deviation: the struct sequences (`stat_result`, `uname_result`,
//! `times_result`, `terminal_size`) and `DirEntry`/`scandir` are written in
//! Python (the prelude below, run in the module's namespace at import);
//! they behave as CPython's for the common uses (fields, indexing, repr).

use std::ffi::{CStr, CString};

use crate::modules::builtins::{check_nargs, parse};
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::{bytes_data, PyBytes};
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `strerror(code)` as a Rust string.
pub fn strerror_string(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated static or thread-local string, read at once.
    unsafe {
        let p = libc::strerror(code);
        if p.is_null() {
            return format!("Unknown error {code}");
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// `PyErr_SetFromErrnoWithFilenameObjects`: the `OSError` subclass for
/// `code`, with the filename(s) attached.
pub fn os_error(code: i32, f1: Option<&PyRef>, f2: Option<&PyRef>) -> PyErr {
    let build = || -> PyResult<Vec<PyRef>> {
        let mut args = vec![
            PyInt::new(code as i64)?,
            PyStr::new(&strerror_string(code))?,
        ];
        if let Some(f) = f1 {
            args.push(f.clone());
            if let Some(f2) = f2 {
                args.push(PyInt::new(0)?);
                args.push(f2.clone());
            }
        }
        Ok(args)
    };
    match build() {
        Ok(args) => PyErr::with_args(
            crate::objects::exceptions_attrs::errno_subclass(code as i64),
            &args,
        ),
        Err(e) => e,
    }
}

fn last_error(f: Option<&PyRef>) -> PyErr {
    os_error(errno(), f, None)
}

/// `os.fspath`: str and bytes pass, else `__fspath__`.
fn fspath_obj(o: &PyRef) -> PyResult<PyRef> {
    if o.is_instance_of::<PyStr>() || o.is_instance_of::<PyBytes>() {
        return Ok(o.clone());
    }
    let f = protocol::lookup_attr(&o.type_ref(), crate::intern!("__fspath__"))?;
    match f {
        Some(f) if !f.is(&none()) => {
            let r = protocol::call1(&f, std::slice::from_ref(o))?;
            if r.is_instance_of::<PyStr>() || r.is_instance_of::<PyBytes>() {
                Ok(r)
            } else {
                Err(PyErr::type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    o.ty().name(),
                    r.ty().name()
                )))
            }
        }
        _ => Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            o.ty().name()
        ))),
    }
}

/// A path argument as a C string (`path_converter`): str (UTF-8), bytes, or
/// an `os.PathLike`.
fn path_arg(fname: &str, arg: &str, o: &PyRef) -> PyResult<CString> {
    let p = if o.is_instance_of::<PyStr>() || o.is_instance_of::<PyBytes>() {
        o.clone()
    } else {
        match fspath_obj(o) {
            Ok(p) => p,
            Err(_) => {
                return Err(PyErr::type_error(format!(
                    "{fname}: {arg} should be string, bytes or os.PathLike, not {}",
                    o.ty().name()
                )))
            }
        }
    };
    let bytes: Vec<u8> = if let Some(s) = p.downcast::<PyStr>() {
        s.as_str().as_bytes().to_vec()
    } else {
        bytes_data(&p).map(|b| b.to_vec()).unwrap_or_default()
    };
    CString::new(bytes)
        .map_err(|_| PyErr::value_error(format!("{fname}: embedded null character in {arg}")))
}

fn is_bytes_path(o: &PyRef) -> bool {
    o.is_instance_of::<PyBytes>()
        || fspath_obj(o)
            .map(|p| p.is_instance_of::<PyBytes>())
            .unwrap_or(false)
}

fn int_arg(o: &PyRef) -> PyResult<i64> {
    if o.is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let i = protocol::index(o)?;
    i.downcast::<PyInt>()
        .and_then(|v| v.as_i64())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))
}

fn fd_arg(o: &PyRef) -> PyResult<i32> {
    let v = int_arg(o)?;
    i32::try_from(v).map_err(|_| {
        PyErr::overflow_error(if v > 0 {
            "signed integer is greater than maximum"
        } else {
            "signed integer is less than minimum"
        })
    })
}

fn int(v: i64) -> PyResult<PyRef> {
    PyInt::new(v)
}

fn bytes_to_obj(b: &[u8], as_bytes: bool) -> PyResult<PyRef> {
    if as_bytes {
        PyBytes::new(b)
    } else {
        PyStr::new(&String::from_utf8_lossy(b))
    }
}

// ---------------------------------------------------------------------------
// Functions.

fn p_getcwd_raw() -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: buf is valid for buf.len() bytes.
        let r = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if !r.is_null() {
            let n = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
            buf.truncate(n);
            return Ok(buf);
        }
        let e = errno();
        if e == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        return Err(os_error(e, None, None));
    }
}

fn p_getcwd(_m: &PyRef) -> PyResult<PyRef> {
    bytes_to_obj(&p_getcwd_raw()?, false)
}

fn p_getcwdb(_m: &PyRef) -> PyResult<PyRef> {
    bytes_to_obj(&p_getcwd_raw()?, true)
}

fn p_listdir(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("listdir", args, kw, &["path"], 0)?;
    let (path, as_bytes) = match &a[0] {
        Some(p) if !p.is(&none()) => (p.clone(), is_bytes_path(p)),
        _ => (PyStr::new(".")?, false),
    };
    let c = path_arg("listdir", "path", &path)?;
    // SAFETY: c is a valid C string.
    let dir = unsafe { libc::opendir(c.as_ptr()) };
    if dir.is_null() {
        return Err(last_error(Some(&path)));
    }
    let mut names = Vec::new();
    loop {
        // SAFETY: dir is an open directory stream.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            break;
        }
        // SAFETY: d_name is NUL-terminated inside the dirent readdir returned.
        let name = unsafe { CStr::from_ptr((*ent).d_name.as_ptr()) }
            .to_bytes()
            .to_vec();
        if name == b"." || name == b".." {
            continue;
        }
        names.push(name);
    }
    // SAFETY: dir is open; closed once.
    unsafe { libc::closedir(dir) };
    let items: PyResult<Vec<PyRef>> = names.iter().map(|n| bytes_to_obj(n, as_bytes)).collect();
    PyList::new(items?)
}

fn stat_tuple(st: &libc::stat) -> PyResult<PyRef> {
    let ns = |s: i64, n: i64| -> PyResult<PyRef> {
        PyInt::from_bigint(num_bigint::BigInt::from(
            s as i128 * 1_000_000_000 + n as i128,
        ))
    };
    let f = |s: i64, n: i64| PyFloat::new(s as f64 + n as f64 * 1e-9);
    PyTuple::new(vec![
        int(st.st_mode as i64)?,
        PyInt::from_bigint(num_bigint::BigInt::from(st.st_ino))?,
        PyInt::from_bigint(num_bigint::BigInt::from(st.st_dev))?,
        int(st.st_nlink as i64)?,
        int(st.st_uid as i64)?,
        int(st.st_gid as i64)?,
        int(st.st_size)?,
        int(st.st_atime)?,
        int(st.st_mtime)?,
        int(st.st_ctime)?,
        f(st.st_atime, st.st_atime_nsec)?,
        f(st.st_mtime, st.st_mtime_nsec)?,
        f(st.st_ctime, st.st_ctime_nsec)?,
        ns(st.st_atime, st.st_atime_nsec)?,
        ns(st.st_mtime, st.st_mtime_nsec)?,
        ns(st.st_ctime, st.st_ctime_nsec)?,
        int(st.st_blksize)?,
        int(st.st_blocks)?,
        PyInt::from_bigint(num_bigint::BigInt::from(st.st_rdev))?,
    ])
}

/// `_stat(path_or_fd, follow_symlinks)`: the raw stat tuple, wrapped into
/// `stat_result` by the prelude.
fn p_stat_raw(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_stat", args.len(), 3, 3)?;
    let name = protocol::str_string(&args[2])?;
    let follow = protocol::is_true(&args[1])?;
    // SAFETY: an all-zero stat is a valid value to be filled.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = if args[0].is_instance_of::<PyInt>() {
        let fd = fd_arg(&args[0])?;
        // SAFETY: st is a valid out pointer.
        unsafe { libc::fstat(fd, &mut st) }
    } else {
        let c = path_arg(&name, "path", &args[0])?;
        // SAFETY: c is a valid C string, st a valid out pointer.
        unsafe {
            if follow {
                libc::stat(c.as_ptr(), &mut st)
            } else {
                libc::lstat(c.as_ptr(), &mut st)
            }
        }
    };
    if r != 0 {
        return Err(last_error(Some(&args[0])));
    }
    stat_tuple(&st)
}

fn p_open(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("open", args, kw, &["path", "flags", "mode", "dir_fd"], 2)?;
    let path = a[0].clone().unwrap_or_else(none);
    let c = path_arg("open", "path", &path)?;
    let flags = a[1].as_ref().map(int_arg).transpose()?.unwrap_or(0) as i32;
    let mode = a[2].as_ref().map(int_arg).transpose()?.unwrap_or(0o777) as libc::c_uint;
    // SAFETY: c is a valid C string.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 {
        return Err(last_error(Some(&path)));
    }
    int(fd as i64)
}

fn p_close(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("close", args, kw, &["fd"], 1)?;
    let fd = fd_arg(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: closing a descriptor number is memory-safe.
    if unsafe { libc::close(fd) } != 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_read(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("read", args.len(), 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let n = int_arg(&args[1])?;
    if n < 0 {
        return Err(os_error(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    // SAFETY: buf is valid for n bytes.
    let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if r < 0 {
        return Err(last_error(None));
    }
    PyBytes::new(&buf[..r as usize])
}

fn p_write(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("write", args.len(), 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let data = crate::objects::bytes::buffer_bytes(&args[1]).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            args[1].ty().name()
        ))
    })?;
    crate::modules::sys::flush_std();
    // SAFETY: data is valid for its length.
    let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    if r < 0 {
        return Err(last_error(None));
    }
    int(r as i64)
}

fn p_lseek(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("lseek", args.len(), 3, 3)?;
    let fd = fd_arg(&args[0])?;
    let pos = int_arg(&args[1])?;
    let how = fd_arg(&args[2])?;
    // SAFETY: plain system call.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_error(None));
    }
    int(r)
}

fn p_urandom(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("urandom", args.len(), 1, 1)?;
    let n = int_arg(&args[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    PyBytes::new(&urandom_bytes(n as usize)?)
}

/// `n` random bytes from the kernel (`getrandom`).
pub fn urandom_bytes(n: usize) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let mut off = 0;
    while off < n {
        let r =
            // SAFETY: the pointer range is inside buf.
            unsafe { libc::getrandom(buf[off..].as_mut_ptr() as *mut libc::c_void, n - off, 0) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_error(e, None, None));
        }
        off += r as usize;
    }
    Ok(buf)
}

fn p_getpid(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain system call.
    int(unsafe { libc::getpid() } as i64)
}
fn p_getppid(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain system call.
    int(unsafe { libc::getppid() } as i64)
}
fn p_getuid(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain system call.
    int(unsafe { libc::getuid() } as i64)
}
fn p_geteuid(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain system call.
    int(unsafe { libc::geteuid() } as i64)
}
fn p_getgid(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain system call.
    int(unsafe { libc::getgid() } as i64)
}
fn p_getegid(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain system call.
    int(unsafe { libc::getegid() } as i64)
}

fn p_fspath(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("fspath", args, kw, &["path"], 1)?;
    fspath_obj(a[0].as_ref().unwrap_or(&none()))
}

fn p_strerror(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("strerror", args.len(), 1, 1)?;
    let c = fd_arg(&args[0])?;
    PyStr::new(&strerror_string(c))
}

fn p_exit(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_exit", args.len(), 1, 1)?;
    let c = fd_arg(&args[0])?;
    crate::modules::sys::flush_std();
    // SAFETY: ends the process at once, as os._exit does.
    unsafe { libc::_exit(c) }
}

fn p_uname_raw(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: an all-zero utsname is valid to be filled.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: u is a valid out pointer.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(last_error(None));
    }
    let s = |f: &[libc::c_char]| -> PyResult<PyRef> {
        let b: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        PyStr::new(&String::from_utf8_lossy(&b))
    };
    PyTuple::new(vec![
        s(&u.sysname)?,
        s(&u.nodename)?,
        s(&u.release)?,
        s(&u.version)?,
        s(&u.machine)?,
    ])
}

/// One-path system calls: `mkdir`, `rmdir`, `unlink`, `chdir`, ...
fn path_call(
    fname: &str,
    args: &[PyRef],
    kw: Option<&PyRef>,
    extra: &[&str],
    f: impl FnOnce(&CString, &[Option<PyRef>]) -> PyResult<i32>,
) -> PyResult<PyRef> {
    let mut names = vec!["path"];
    names.extend_from_slice(extra);
    names.push("dir_fd");
    let a = parse(fname, args, kw, &names, 1)?;
    let path = a[0].clone().unwrap_or_else(none);
    let c = path_arg(fname, "path", &path)?;
    if f(&c, &a[1..])? != 0 {
        return Err(last_error(Some(&path)));
    }
    Ok(none())
}

fn p_mkdir(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    path_call("mkdir", args, kw, &["mode"], |c, a| {
        let mode = a[0].as_ref().map(int_arg).transpose()?.unwrap_or(0o777);
        // SAFETY: c is a valid C string.
        Ok(unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) })
    })
}

fn p_rmdir(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    path_call("rmdir", args, kw, &[], |c, _| {
        // SAFETY: c is a valid C string.
        Ok(unsafe { libc::rmdir(c.as_ptr()) })
    })
}

fn p_unlink(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    path_call("unlink", args, kw, &[], |c, _| {
        // SAFETY: c is a valid C string.
        Ok(unsafe { libc::unlink(c.as_ptr()) })
    })
}

fn p_remove(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    path_call("remove", args, kw, &[], |c, _| {
        // SAFETY: c is a valid C string.
        Ok(unsafe { libc::unlink(c.as_ptr()) })
    })
}

fn p_chdir(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("chdir", args, kw, &["path"], 1)?;
    let path = a[0].clone().unwrap_or_else(none);
    let c = path_arg("chdir", "path", &path)?;
    // SAFETY: c is a valid C string.
    if unsafe { libc::chdir(c.as_ptr()) } != 0 {
        return Err(last_error(Some(&path)));
    }
    Ok(none())
}

fn p_chmod(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "chmod",
        args,
        kw,
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
    )?;
    let path = a[0].clone().unwrap_or_else(none);
    let mode = int_arg(a[1].as_ref().unwrap_or(&none()))?;
    let r = if path.is_instance_of::<PyInt>() {
        // SAFETY: plain system call.
        unsafe { libc::fchmod(fd_arg(&path)?, mode as libc::mode_t) }
    } else {
        let c = path_arg("chmod", "path", &path)?;
        // SAFETY: c is a valid C string.
        unsafe { libc::chmod(c.as_ptr(), mode as libc::mode_t) }
    };
    if r != 0 {
        return Err(last_error(Some(&path)));
    }
    Ok(none())
}

fn two_paths(
    fname: &str,
    args: &[PyRef],
    kw: Option<&PyRef>,
    f: impl FnOnce(&CString, &CString) -> i32,
) -> PyResult<PyRef> {
    let a = parse(
        fname,
        args,
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
        2,
    )?;
    let src = a[0].clone().unwrap_or_else(none);
    let dst = a[1].clone().unwrap_or_else(none);
    let s = path_arg(fname, "src", &src)?;
    let d = path_arg(fname, "dst", &dst)?;
    if f(&s, &d) != 0 {
        return Err(os_error(errno(), Some(&src), Some(&dst)));
    }
    Ok(none())
}

fn p_rename(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: valid C strings.
    two_paths("rename", args, kw, |s, d| unsafe {
        libc::rename(s.as_ptr(), d.as_ptr())
    })
}

fn p_replace(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: valid C strings.
    two_paths("replace", args, kw, |s, d| unsafe {
        libc::rename(s.as_ptr(), d.as_ptr())
    })
}

fn p_symlink(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "symlink",
        args,
        kw,
        &["src", "dst", "target_is_directory", "dir_fd"],
        2,
    )?;
    let src = a[0].clone().unwrap_or_else(none);
    let dst = a[1].clone().unwrap_or_else(none);
    let s = path_arg("symlink", "src", &src)?;
    let d = path_arg("symlink", "dst", &dst)?;
    // SAFETY: valid C strings.
    if unsafe { libc::symlink(s.as_ptr(), d.as_ptr()) } != 0 {
        return Err(os_error(errno(), Some(&src), Some(&dst)));
    }
    Ok(none())
}

fn p_readlink(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("readlink", args, kw, &["path", "dir_fd"], 1)?;
    let path = a[0].clone().unwrap_or_else(none);
    let c = path_arg("readlink", "path", &path)?;
    let mut buf = vec![0u8; 4096];
    // SAFETY: buf is valid for its length.
    let r = unsafe { libc::readlink(c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r < 0 {
        return Err(last_error(Some(&path)));
    }
    bytes_to_obj(&buf[..r as usize], is_bytes_path(&path))
}

fn p_access(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "access",
        args,
        kw,
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
    )?;
    let path = a[0].clone().unwrap_or_else(none);
    let c = path_arg("access", "path", &path)?;
    let mode = fd_arg(a[1].as_ref().unwrap_or(&none()))?;
    // SAFETY: c is a valid C string.
    Ok(py_bool(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}

fn str_or_bytes(fname: &str, o: &PyRef) -> PyResult<CString> {
    path_arg(fname, "name", o)
}

fn p_putenv(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("putenv", args.len(), 2, 2)?;
    let k = str_or_bytes("putenv", &args[0])?;
    let v = str_or_bytes("putenv", &args[1])?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    // SAFETY: valid C strings; setenv copies them. Single-threaded under the GIL.
    if unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) } != 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_unsetenv(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("unsetenv", args.len(), 1, 1)?;
    let k = str_or_bytes("unsetenv", &args[0])?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    // SAFETY: a valid C string.
    if unsafe { libc::unsetenv(k.as_ptr()) } != 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_cpu_count(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: plain library call.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    if n < 1 {
        return Ok(none());
    }
    int(n as i64)
}

fn p_terminal_size_raw(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("get_terminal_size", args.len(), 0, 1)?;
    let fd = match args.first() {
        Some(a) => fd_arg(a)?,
        None => 1,
    };
    // SAFETY: an all-zero winsize is valid to be filled.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills a winsize.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Err(last_error(None));
    }
    PyTuple::new(vec![int(w.ws_col as i64)?, int(w.ws_row as i64)?])
}

/// `os.get_blocking(fd)` (`_Py_get_blocking`): is `O_NONBLOCK` clear?
fn p_get_blocking(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("get_blocking", args.len(), 1, 1)?;
    let fd = fd_arg(&args[0])?;
    // SAFETY: fcntl with F_GETFL only reads the descriptor's flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_error(errno(), None, None));
    }
    Ok(crate::objects::bool_::py_bool(
        flags & libc::O_NONBLOCK == 0,
    ))
}

/// `os.set_blocking(fd, blocking)` (`_Py_set_blocking`).
fn p_set_blocking(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("set_blocking", args.len(), 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let blocking = crate::object::protocol::is_true(&args[1])?;
    // SAFETY: fcntl with F_GETFL/F_SETFL on a descriptor; the kernel checks it.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(os_error(errno(), None, None));
        }
        let new = if blocking {
            flags & !libc::O_NONBLOCK
        } else {
            flags | libc::O_NONBLOCK
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(os_error(errno(), None, None));
        }
    }
    Ok(none())
}

fn p_isatty(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("isatty", args.len(), 1, 1)?;
    let fd = fd_arg(&args[0])?;
    // SAFETY: plain system call.
    Ok(py_bool(unsafe { libc::isatty(fd) } == 1))
}

fn p_pipe(_m: &PyRef) -> PyResult<PyRef> {
    let mut fds = [0i32; 2];
    // SAFETY: fds holds two ints.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_error(None));
    }
    PyTuple::new(vec![int(fds[0] as i64)?, int(fds[1] as i64)?])
}

fn p_dup(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("dup", args.len(), 1, 1)?;
    let fd = fd_arg(&args[0])?;
    // SAFETY: plain system call.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error(None));
    }
    int(r as i64)
}

fn p_dup2(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("dup2", args, kw, &["fd", "fd2", "inheritable"], 2)?;
    let fd = fd_arg(a[0].as_ref().unwrap_or(&none()))?;
    let fd2 = fd_arg(a[1].as_ref().unwrap_or(&none()))?;
    let inh = match &a[2] {
        Some(v) => protocol::is_true(v)?,
        None => true,
    };
    // SAFETY: plain system calls.
    let r = unsafe {
        if inh {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(last_error(None));
    }
    int(r as i64)
}

fn p_kill(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("kill", args.len(), 2, 2)?;
    let pid = fd_arg(&args[0])?;
    let sig = fd_arg(&args[1])?;
    // SAFETY: plain system call.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_times_raw(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: an all-zero tms is valid to be filled.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: t is a valid out pointer.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(last_error(None));
    }
    // SAFETY: plain library call.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |v: libc::clock_t| PyFloat::new(v as f64 / hz);
    PyTuple::new(vec![
        f(t.tms_utime)?,
        f(t.tms_stime)?,
        f(t.tms_cutime)?,
        f(t.tms_cstime)?,
        f(c)?,
    ])
}

fn p_umask(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("umask", args.len(), 1, 1)?;
    let m = int_arg(&args[0])?;
    // SAFETY: plain system call.
    int(unsafe { libc::umask(m as libc::mode_t) } as i64)
}

fn p_fsync(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("fsync", args.len(), 1, 1)?;
    let fd = if args[0].is_instance_of::<PyInt>() {
        fd_arg(&args[0])?
    } else {
        fd_arg(&protocol::call_method(&args[0], "fileno", &[])?)?
    };
    // SAFETY: plain system call.
    if unsafe { libc::fsync(fd) } != 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_ftruncate(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("ftruncate", args.len(), 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let n = int_arg(&args[1])?;
    // SAFETY: plain system call.
    if unsafe { libc::ftruncate(fd, n) } != 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_waitstatus_to_exitcode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("waitstatus_to_exitcode", args.len(), 1, 1)?;
    let s = fd_arg(&args[0])?;
    if libc::WIFEXITED(s) {
        return int(libc::WEXITSTATUS(s) as i64);
    }
    if libc::WIFSIGNALED(s) {
        return int(-(libc::WTERMSIG(s) as i64));
    }
    Err(PyErr::value_error(format!("invalid wait status: {s}")))
}

fn p_get_inheritable(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("get_inheritable", args.len(), 1, 1)?;
    let fd = fd_arg(&args[0])?;
    // SAFETY: plain system call.
    let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if r < 0 {
        return Err(last_error(None));
    }
    Ok(py_bool(r & libc::FD_CLOEXEC == 0))
}

fn p_set_inheritable(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("set_inheritable", args.len(), 2, 2)?;
    let fd = fd_arg(&args[0])?;
    let inh = protocol::is_true(&args[1])?;
    // SAFETY: plain system calls.
    let r = unsafe {
        let f = libc::fcntl(fd, libc::F_GETFD);
        if f < 0 {
            f
        } else {
            libc::fcntl(
                fd,
                libc::F_SETFD,
                if inh {
                    f & !libc::FD_CLOEXEC
                } else {
                    f | libc::FD_CLOEXEC
                },
            )
        }
    };
    if r < 0 {
        return Err(last_error(None));
    }
    Ok(none())
}

fn p_link(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "link",
        args,
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
    )?;
    let src = a[0].clone().unwrap_or_else(none);
    let dst = a[1].clone().unwrap_or_else(none);
    let s = path_arg("link", "src", &src)?;
    let d = path_arg("link", "dst", &dst)?;
    // SAFETY: valid C strings.
    if unsafe { libc::link(s.as_ptr(), d.as_ptr()) } != 0 {
        return Err(os_error(errno(), Some(&src), Some(&dst)));
    }
    Ok(none())
}

fn p_truncate(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("truncate", args, kw, &["path", "length"], 2)?;
    let path = a[0].clone().unwrap_or_else(none);
    let n = int_arg(a[1].as_ref().unwrap_or(&none()))?;
    let r = if path.is_instance_of::<PyInt>() {
        // SAFETY: plain system call.
        unsafe { libc::ftruncate(fd_arg(&path)?, n) }
    } else {
        let c = path_arg("truncate", "path", &path)?;
        // SAFETY: c is a valid C string.
        unsafe { libc::truncate(c.as_ptr(), n) }
    };
    if r != 0 {
        return Err(last_error(Some(&path)));
    }
    Ok(none())
}

/// `utime(path, times=None, *, ns=None)`: times as (atime, mtime) seconds.
fn p_utime(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "utime",
        args,
        kw,
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
    )?;
    let path = a[0].clone().unwrap_or_else(none);
    let c = path_arg("utime", "path", &path)?;
    let to_ts = |sec: f64| libc::timespec {
        tv_sec: sec.floor() as libc::time_t,
        tv_nsec: ((sec - sec.floor()) * 1e9) as libc::c_long,
    };
    let ts: Option<[libc::timespec; 2]> = match (&a[1], &a[2]) {
        (Some(t), _) if !t.is(&none()) => {
            let t = t
                .downcast::<PyTuple>()
                .filter(|t| t.len() == 2)
                .ok_or_else(|| {
                    PyErr::type_error("utime: 'times' must be either a tuple of two ints or None")
                })?;
            let at = crate::modules::math::as_f64(&t.items()[0])?;
            let mt = crate::modules::math::as_f64(&t.items()[1])?;
            Some([to_ts(at), to_ts(mt)])
        }
        (_, Some(n)) if !n.is(&none()) => {
            let t = n
                .downcast::<PyTuple>()
                .filter(|t| t.len() == 2)
                .ok_or_else(|| PyErr::type_error("utime: 'ns' must be a tuple of two ints"))?;
            let ns = |o: &PyRef| -> PyResult<libc::timespec> {
                let v = int_arg(o)?;
                Ok(libc::timespec {
                    tv_sec: v.div_euclid(1_000_000_000) as libc::time_t,
                    tv_nsec: v.rem_euclid(1_000_000_000) as libc::c_long,
                })
            };
            Some([ns(&t.items()[0])?, ns(&t.items()[1])?])
        }
        _ => None,
    };
    let p = ts.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    // SAFETY: c is a valid C string; p is null or points to two timespecs.
    if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), p, 0) } != 0 {
        return Err(last_error(Some(&path)));
    }
    Ok(none())
}

fn p_system(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("system", args, kw, &["command"], 1)?;
    let cmd = path_arg("system", "command", a[0].as_ref().unwrap_or(&none()))?;
    crate::modules::sys::flush_std();
    // SAFETY: cmd is a valid C string.
    let r = unsafe { libc::system(cmd.as_ptr()) };
    int(r as i64)
}

static POSIX_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("link", Meth::FastKw(p_link)),
    MethodDef::new("truncate", Meth::FastKw(p_truncate)),
    MethodDef::new("utime", Meth::FastKw(p_utime)),
    MethodDef::new("system", Meth::FastKw(p_system)),
    MethodDef::new("getcwd", Meth::NoArgs(p_getcwd)),
    MethodDef::new("getcwdb", Meth::NoArgs(p_getcwdb)),
    MethodDef::new("listdir", Meth::FastKw(p_listdir)),
    MethodDef::new("_stat", Meth::Fast(p_stat_raw)),
    MethodDef::new("open", Meth::FastKw(p_open)),
    MethodDef::new("close", Meth::FastKw(p_close)),
    MethodDef::new("read", Meth::Fast(p_read)),
    MethodDef::new("write", Meth::Fast(p_write)),
    MethodDef::new("lseek", Meth::Fast(p_lseek)),
    MethodDef::new("urandom", Meth::Fast(p_urandom)),
    MethodDef::new("getpid", Meth::NoArgs(p_getpid)),
    MethodDef::new("getppid", Meth::NoArgs(p_getppid)),
    MethodDef::new("getuid", Meth::NoArgs(p_getuid)),
    MethodDef::new("geteuid", Meth::NoArgs(p_geteuid)),
    MethodDef::new("getgid", Meth::NoArgs(p_getgid)),
    MethodDef::new("getegid", Meth::NoArgs(p_getegid)),
    MethodDef::new("fspath", Meth::FastKw(p_fspath)),
    MethodDef::new("strerror", Meth::Fast(p_strerror)),
    MethodDef::new("_exit", Meth::Fast(p_exit)),
    MethodDef::new("_uname", Meth::NoArgs(p_uname_raw)),
    MethodDef::new("mkdir", Meth::FastKw(p_mkdir)),
    MethodDef::new("rmdir", Meth::FastKw(p_rmdir)),
    MethodDef::new("unlink", Meth::FastKw(p_unlink)),
    MethodDef::new("remove", Meth::FastKw(p_remove)),
    MethodDef::new("rename", Meth::FastKw(p_rename)),
    MethodDef::new("replace", Meth::FastKw(p_replace)),
    MethodDef::new("symlink", Meth::FastKw(p_symlink)),
    MethodDef::new("readlink", Meth::FastKw(p_readlink)),
    MethodDef::new("access", Meth::FastKw(p_access)),
    MethodDef::new("chdir", Meth::FastKw(p_chdir)),
    MethodDef::new("chmod", Meth::FastKw(p_chmod)),
    MethodDef::new("putenv", Meth::Fast(p_putenv)),
    MethodDef::new("unsetenv", Meth::Fast(p_unsetenv)),
    MethodDef::new("cpu_count", Meth::NoArgs(p_cpu_count)),
    MethodDef::new("_terminal_size", Meth::Fast(p_terminal_size_raw)),
    MethodDef::new("isatty", Meth::Fast(p_isatty)),
    MethodDef::new("get_blocking", Meth::Fast(p_get_blocking)),
    MethodDef::new("set_blocking", Meth::Fast(p_set_blocking)),
    MethodDef::new("pipe", Meth::NoArgs(p_pipe)),
    MethodDef::new("dup", Meth::Fast(p_dup)),
    MethodDef::new("dup2", Meth::FastKw(p_dup2)),
    MethodDef::new("kill", Meth::Fast(p_kill)),
    MethodDef::new("_times", Meth::NoArgs(p_times_raw)),
    MethodDef::new("umask", Meth::Fast(p_umask)),
    MethodDef::new("fsync", Meth::Fast(p_fsync)),
    MethodDef::new("ftruncate", Meth::Fast(p_ftruncate)),
    MethodDef::new(
        "waitstatus_to_exitcode",
        Meth::Fast(p_waitstatus_to_exitcode),
    ),
    MethodDef::new("get_inheritable", Meth::Fast(p_get_inheritable)),
    MethodDef::new("set_inheritable", Meth::Fast(p_set_inheritable)),
];

/// Integer constants of the module.
fn constants() -> Vec<(&'static str, i64)> {
    vec![
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_NDELAY", libc::O_NDELAY as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("O_TMPFILE", libc::O_TMPFILE as i64),
        ("O_PATH", libc::O_PATH as i64),
        ("O_NOATIME", libc::O_NOATIME as i64),
        ("O_LARGEFILE", 0),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("WNOHANG", libc::WNOHANG as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
        ("WCONTINUED", libc::WCONTINUED as i64),
        ("EX_OK", 0),
        ("F_LOCK", libc::F_LOCK as i64),
        ("F_TLOCK", libc::F_TLOCK as i64),
        ("F_ULOCK", libc::F_ULOCK as i64),
        ("F_TEST", libc::F_TEST as i64),
        ("NGROUPS_MAX", 65536),
        ("TMP_MAX", 238328),
    ]
}

/// The Python half of the module (see the file comment).
const PRELUDE: &str = r#"
class _StructSeq(tuple):
    _fields = ()
    n_sequence_fields = 0
    n_fields = 0
    n_unnamed_fields = 0
    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        ns = cls.n_sequence_fields
        nf = cls.n_fields
        name = cls.__module__ + '.' + cls.__name__
        if n < ns:
            if ns == nf:
                raise TypeError("%s() takes a %d-sequence (%d-sequence given)" % (name, ns, n))
            raise TypeError("%s() takes an at least %d-sequence (%d-sequence given)" % (name, ns, n))
        if n > nf:
            if ns == nf:
                raise TypeError("%s() takes a %d-sequence (%d-sequence given)" % (name, ns, n))
            raise TypeError("%s() takes an at most %d-sequence (%d-sequence given)" % (name, nf, n))
        self = tuple.__new__(cls, seq[:ns])
        extra = list(seq[ns:])
        for f in cls._fields[len(cls._fields) - (nf - n):] if nf > n else ():
            extra.append(dict.get(f) if dict is not None else None)
        self.__dict__['_extra'] = extra
        return self
    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")
    def __repr__(self):
        name = type(self).__module__ + '.' + type(self).__name__
        parts = []
        for f, v in zip(self._fields, self):
            parts.append('%s=%r' % (f, v))
        return '%s(%s)' % (name, ', '.join(parts))
    def __reduce__(self):
        d = {}
        ns = self.n_sequence_fields
        for i, f in enumerate(self._fields[ns - self.n_unnamed_fields:]):
            d[f] = self._extra[i]
        return (type(self), (tuple(self), d))

def _make_structseq(name, module, fields, n_seq, unnamed=0):
    ns = {'__module__': module, '_fields': tuple(fields), 'n_sequence_fields': n_seq,
          'n_fields': len(fields) + unnamed, 'n_unnamed_fields': unnamed, '__slots__': ()}
    for i, f in enumerate(fields):
        if i < n_seq - unnamed:
            ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i), doc=f)
        else:
            j = i - (n_seq - unnamed)
            ns[f] = property(lambda self, j=j: self._extra[j], doc=f)
    ns.pop('__slots__')
    return type(name, (_StructSeq,), ns)

stat_result = _make_structseq('stat_result', 'os', ('st_mode', 'st_ino', 'st_dev', 'st_nlink',
    'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns',
    'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'), 10, 3)
uname_result = _make_structseq('uname_result', 'posix', ('sysname', 'nodename', 'release',
    'version', 'machine'), 5)
times_result = _make_structseq('times_result', 'posix', ('user', 'system', 'children_user',
    'children_system', 'elapsed'), 5)
terminal_size = _make_structseq('terminal_size', 'os', ('columns', 'lines'), 2)

def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_stat(path, follow_symlinks, 'stat'))

def lstat(path, *, dir_fd=None):
    return stat_result(_stat(path, False, 'lstat'))

def fstat(fd):
    if not isinstance(fd, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(fd).__name__)
    return stat_result(_stat(fd, True, 'fstat'))

def uname():
    return uname_result(_uname())

def times():
    return times_result(_times())

def get_terminal_size(fd=1):
    return terminal_size(_terminal_size(fd))

class DirEntry:
    __slots__ = ('name', 'path', '_stat', '_lstat')
    def __init__(self, name, path):
        self.name = name
        self.path = path
        self._stat = None
        self._lstat = None
    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)
    def __fspath__(self):
        return self.path
    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat
    def _mode(self, follow):
        try:
            return self.stat(follow_symlinks=follow).st_mode
        except FileNotFoundError:
            return 0
    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000
    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000
    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000
    def inode(self):
        return self.stat(follow_symlinks=False).st_ino
    @classmethod
    def __class_getitem__(cls, item):
        return cls
DirEntry.__module__ = 'posix'

class _ScandirIterator:
    def __init__(self, path):
        if path is None:
            path = '.'
        if isinstance(path, int):
            raise NotImplementedError('scandir on a file descriptor')
        p = fspath(path)
        names = listdir(p)
        if isinstance(p, bytes):
            sep = b'/'
            pre = p if p.endswith(sep) else p + sep
            if p == b'.' and not isinstance(path, bytes):
                pre = b'./'
        else:
            sep = '/'
            pre = p if p.endswith(sep) else p + sep
        self._entries = [DirEntry(n, pre + n) for n in names]
        self._i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self._i >= len(self._entries):
            raise StopIteration
        e = self._entries[self._i]
        self._i += 1
        return e
    def close(self):
        self._i = len(self._entries)
    def __enter__(self):
        return self
    def __exit__(self, *a):
        self.close()

def scandir(path='.'):
    return _ScandirIterator(path)

def _fix_module():
    g = globals()
    for n in ('stat', 'lstat', 'fstat', 'uname', 'times', 'get_terminal_size', 'scandir'):
        g[n].__module__ = 'posix'
_fix_module()
del _fix_module
"#;

/// Creates the `posix` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("posix")?;
    PyModule::add_functions(&m, POSIX_FUNCTIONS)?;
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("posix: no module dict"))?;
    let dd = d
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("posix: module dict is not a dict"))?;
    for (k, v) in constants() {
        dd.set_str(k, PyInt::new(v)?)?;
    }
    dd.set_str("error", exceptions::OS_ERROR.as_pyref())?;
    // environ: bytes keys and values, as CPython's posix.environ.
    let env = PyDict::new()?;
    if let Some(ed) = env.downcast::<PyDict>() {
        for (k, v) in std::env::vars_os() {
            use std::os::unix::ffi::OsStrExt;
            ed.set_item(PyBytes::new(k.as_bytes())?, PyBytes::new(v.as_bytes())?)?;
        }
    }
    dd.set_str("environ", env)?;
    let have: PyResult<Vec<PyRef>> = ["HAVE_FCHMOD", "HAVE_FTRUNCATE"]
        .iter()
        .map(|s| PyStr::new(s))
        .collect();
    dd.set_str("_have_functions", PyList::new(have?)?)?;
    if let Some(b) = &crate::interp::interp().builtins {
        dd.set_str("__builtins__", b.clone())?;
    }
    let code = crate::run::compile_source(PRELUDE.as_bytes(), "<posix>")?;
    crate::run::exec_code(&code, &d, None)?;
    Ok(m)
}
