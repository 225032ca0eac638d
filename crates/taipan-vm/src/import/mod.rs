//! The import system (CPython's `Python/import.c` and the parts of
//! `importlib._bootstrap` it needs): `sys.modules`, built-in modules, `.py`
//! modules and packages found on `sys.path`, relative imports.
//!
//! What follows `importlib._bootstrap._gcd_import` / `_handle_fromlist` /
//! `_calc___package__`: a module is put into `sys.modules` before its body
//! runs (so circular imports see the partly initialized module) and removed
//! again if the body raises; a package is a directory with `__init__.py`
//! (a directory without one is a namespace package, used only if nothing
//! else is found), and gets `__path__`; submodules are bound as attributes
//! of their parent. `__spec__` and `__loader__` are instances of small
//! Python stand-ins for `importlib`'s `ModuleSpec` and `SourceFileLoader`
//! (Taipan deviation: CPython's frozen `importlib._bootstrap` is not run at
//! start-up; the stand-ins are compiled on first use, see `SPEC_SOURCE`).

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// Creates a native module (and returns it); called once, on first import.
pub type NativeInit = fn() -> PyResult<PyRef>;

fn init_sys() -> PyResult<PyRef> {
    crate::interp::interp()
        .sys
        .clone()
        .ok_or_else(|| PyErr::import_error("sys is not initialized"))
}

fn init_builtins() -> PyResult<PyRef> {
    crate::modules::builtins::builtins_module()
}

static BUILTIN_MODULES: &[(&str, NativeInit)] = &[
    ("builtins", init_builtins),
    ("sys", init_sys),
    ("time", crate::modules::time::init),
    ("math", crate::modules::math::init),
    ("_io", crate::modules::_io::init),
    ("posix", crate::modules::posix::init),
    ("_random", crate::modules::_random::init),
    ("_sha512", crate::modules::_sha512::init),
    ("_warnings", crate::modules::_warnings::init),
    ("_struct", crate::modules::_struct::init),
    ("array", crate::modules::array::init),
    ("_weakref", crate::modules::_weakref::init),
    ("_thread", crate::modules::_thread::init),
    ("itertools", crate::modules::itertools::init),
    ("_string", crate::modules::_string::init),
    ("_collections", crate::modules::_collections::init),
    ("atexit", crate::modules::atexit::init),
    ("_signal", crate::modules::_signal::init),
    ("marshal", crate::modules::marshal::init),
    ("_codecs", crate::modules::_codecs::init),
    ("errno", crate::modules::errno::init),
    ("_imp", crate::modules::_imp::init),
    ("_ast", crate::modules::_ast::init),
    ("gc", crate::modules::gc::init),
    ("_functools", crate::modules::_functools::init),
    ("_heapq", crate::modules::_heapq::init),
    ("_bisect", crate::modules::_bisect::init),
    ("_operator", crate::modules::_operator::init),
    ("_abc", crate::modules::_abc::init),
    ("_contextvars", crate::modules::_contextvars::init),
    ("binascii", crate::modules::binascii::init),
    ("_md5", crate::modules::_md5::init),
    ("_sha1", crate::modules::_sha1::init),
    ("_sha256", crate::modules::_sha256::init),
    ("_sha3", crate::modules::_sha3::init),
    ("_blake2", crate::modules::_blake2::init),
    ("zlib", crate::modules::zlib::init),
    ("cmath", crate::modules::cmath::init),
    ("unicodedata", crate::modules::unicodedata::init),
    ("_sre", crate::modules::_sre::init),
];

static EXTRA_MODULES: GilCell<Vec<(&'static str, NativeInit)>> = GilCell::new(Vec::new());

/// Registers a native module written elsewhere (`gc`, `_io`, ...): importing
/// `name` calls `init` once.
pub fn register_native(name: &'static str, init: NativeInit) {
    // SAFETY: GIL held; no borrow of the registry is alive.
    unsafe { EXTRA_MODULES.get_mut() }.push((name, init));
}

fn find_native(name: &str) -> Option<NativeInit> {
    if let Some((_, f)) = BUILTIN_MODULES.iter().find(|(n, _)| *n == name) {
        return Some(*f);
    }
    // SAFETY: GIL held; short read.
    unsafe { (*EXTRA_MODULES.as_ptr()).iter().find(|(n, _)| *n == name) }.map(|(_, f)| *f)
}

/// Is `name` a native (built-in) module (`_imp.is_builtin`)?
pub fn is_native(name: &str) -> bool {
    find_native(name).is_some()
}

/// Creates the native module `name` (`_imp.create_builtin`): the one in
/// `sys.modules` if it was imported already, else a new one from its
/// initializer. `None` if there is no such native module.
pub fn create_native(name: &str) -> PyResult<Option<PyRef>> {
    if let Some(m) = sys_modules_get(name)? {
        if find_native(name).is_some() {
            return Ok(Some(m));
        }
    }
    match find_native(name) {
        Some(init) => init().map(Some),
        None => Ok(None),
    }
}

/// `sys.builtin_module_names`.
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = BUILTIN_MODULES.iter().map(|(n, _)| *n).collect();
    // SAFETY: GIL held; short read.
    v.extend(unsafe { (*EXTRA_MODULES.as_ptr()).iter().map(|(n, _)| *n) });
    v.sort_unstable();
    v
}

fn modules_dict() -> PyRef {
    crate::interp::interp().modules.clone()
}

fn sys_modules_get(name: &str) -> PyResult<Option<PyRef>> {
    let m = modules_dict();
    match m.downcast::<PyDict>() {
        Some(d) => d.get_str(name),
        None => protocol::get_item(&m, &PyStr::new(name)?)
            .map(Some)
            .or_else(|e| {
                if e.matches(&exceptions::KEY_ERROR) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }),
    }
}

fn sys_modules_set(name: &str, module: Option<&PyRef>) -> PyResult<()> {
    let m = modules_dict();
    let key = PyStr::new(name)?;
    match module {
        Some(v) => match m.downcast::<PyDict>() {
            Some(d) => d.set_item(key, v.clone()),
            None => protocol::set_item(&m, &key, Some(v)),
        },
        None => match m.downcast::<PyDict>() {
            Some(d) => d.del_item(&key).map(drop),
            None => protocol::set_item(&m, &key, None),
        },
    }
}

fn not_found(name: &str, msg: String) -> PyErr {
    let e = PyErr::module_not_found_error(msg);
    crate::objects::exceptions_attrs::set_import_error_name(&e, name, None);
    e
}

fn str_of(o: &PyRef) -> Option<String> {
    o.downcast::<PyStr>().map(|s| s.as_str().to_owned())
}

/// Imports the module with the absolute dotted `name` (`importlib.import_module`
/// without a package): parents first; returns the module itself.
pub fn import_module(name: &str) -> PyResult<PyRef> {
    if name.is_empty() {
        return Err(PyErr::value_error("Empty module name"));
    }
    if let Some(m) = sys_modules_get(name)? {
        if m.is_none() {
            return Err(not_found(
                name,
                format!("import of {name} halted; None in sys.modules"),
            ));
        }
        return Ok(m);
    }
    find_and_load(name)
}

/// `_frozen_importlib` and `_frozen_importlib_external`, CPython's frozen
/// copies of `importlib._bootstrap` and `importlib._bootstrap_external`:
/// Taipan has no frozen modules, so these names stand for the `importlib`
/// submodules once `importlib` has set them up (`zipimport` imports them by
/// these names). While `importlib` itself is being imported they are not
/// found, so it takes its own path that loads and sets up the submodules.
fn frozen_importlib_alias(name: &str) -> PyResult<Option<PyRef>> {
    let attr = match name {
        "_frozen_importlib" => "_bootstrap",
        "_frozen_importlib_external" => "_bootstrap_external",
        _ => return Ok(None),
    };
    let importlib = match sys_modules_get("importlib")? {
        Some(m) => m,
        None => import_module("importlib")?,
    };
    match protocol::lookup_attr(&importlib, &PyStr::new(attr)?)? {
        Some(m) => {
            sys_modules_set(name, Some(&m))?;
            Ok(Some(m))
        }
        None => Ok(None),
    }
}

/// What CPython's start-up does with its frozen importlib
/// (`_bootstrap._install` and `_bootstrap_external._install`): once the
/// `importlib` package is loaded, its finders go on `sys.meta_path` and its
/// path hook on `sys.path_hooks` (if nothing is there yet), so that
/// `importlib.import_module`, `find_spec` and `pkgutil` find modules.
/// Taipan's own import statement does not go through them.
fn install_importlib(importlib: &PyRef) -> PyResult<()> {
    let meta_path = crate::modules::sys::get_attr("meta_path")?;
    if let Some(mp) = &meta_path {
        if protocol::len(mp)? > 0 {
            return Ok(());
        }
    }
    let bootstrap = protocol::getattr(importlib, &PyStr::new("_bootstrap")?)?;
    let external = protocol::getattr(importlib, &PyStr::new("_bootstrap_external")?)?;
    let sys = import_module("sys")?;
    let imp = import_module("_imp")?;
    protocol::call_method(&bootstrap, "_install", &[sys, imp])?;
    protocol::call_method(&external, "_install", std::slice::from_ref(&bootstrap))?;
    sys_modules_set("_frozen_importlib", Some(&bootstrap))?;
    sys_modules_set("_frozen_importlib_external", Some(&external))?;
    Ok(())
}

fn find_and_load(name: &str) -> PyResult<PyRef> {
    let (parent, last) = match name.rfind('.') {
        Some(i) => (Some(&name[..i]), &name[i + 1..]),
        None => (None, name),
    };
    let search: Vec<String>;
    let mut parent_module = None;
    if let Some(p) = parent {
        let pm = import_module(p)?;
        // The parent's import may have imported us.
        if let Some(m) = sys_modules_get(name)? {
            return Ok(m);
        }
        let path = match protocol::lookup_attr(&pm, crate::intern!("__path__"))? {
            Some(path) => path,
            None => {
                return Err(not_found(
                    name,
                    format!("No module named '{name}'; '{p}' is not a package"),
                ))
            }
        };
        search = protocol::collect(&path)?
            .iter()
            .filter_map(str_of)
            .collect();
        parent_module = Some(pm);
    } else {
        if let Some(init) = find_native(name) {
            let m = init()?;
            sys_modules_set(name, Some(&m))?;
            return Ok(m);
        }
        if let Some(m) = frozen_importlib_alias(name)? {
            return Ok(m);
        }
        search = match crate::modules::sys::get_attr("path")? {
            Some(p) => protocol::collect(&p)?.iter().filter_map(str_of).collect(),
            None => Vec::new(),
        };
    }
    let mut namespace: Vec<String> = Vec::new();
    for dir in &search {
        let base = if dir.is_empty() {
            std::path::PathBuf::from(".")
        } else {
            std::path::PathBuf::from(dir)
        };
        let pkg_dir = base.join(last);
        let init = pkg_dir.join("__init__.py");
        if init.is_file() {
            let pkg_path = if dir.is_empty() {
                last.to_owned()
            } else {
                pkg_dir.to_string_lossy().into_owned()
            };
            let m = load_source(name, parent, &init, Some(vec![pkg_path]), parent_module)?;
            if name == "importlib" {
                install_importlib(&m)?;
            }
            return Ok(m);
        }
        let file = base.join(format!("{last}.py"));
        if file.is_file() {
            return load_source(name, parent, &file, None, parent_module);
        }
        if pkg_dir.is_dir() {
            namespace.push(pkg_dir.to_string_lossy().into_owned());
        }
    }
    if !namespace.is_empty() {
        let m = PyModule::new(name)?;
        set_mod_attr(&m, "__package__", PyStr::new(name)?)?;
        let items: PyResult<Vec<PyRef>> = namespace.iter().map(|p| PyStr::new(p)).collect();
        set_mod_attr(&m, "__path__", PyList::new(items?)?)?;
        set_namespace_spec(&m, name, &namespace)?;
        sys_modules_set(name, Some(&m))?;
        bind_in_parent(parent_module.as_ref(), last, &m)?;
        return Ok(m);
    }
    Err(not_found(name, format!("No module named '{name}'")))
}

/// The stand-ins for `importlib._bootstrap.ModuleSpec` and
/// `importlib._bootstrap_external.SourceFileLoader`, with the attributes and
/// `repr` CPython's have.
const SPEC_SOURCE: &str = r#"
class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None
    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'
    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and
                    self.origin == other.origin and smsl == other.submodule_search_locations and
                    self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented
    @property
    def cached(self):
        return self._cached
    @cached.setter
    def cached(self, cached):
        self._cached = cached
    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name
    @property
    def has_location(self):
        return self._set_fileattr
    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)
ModuleSpec.__module__ = '_frozen_importlib'

class SourceFileLoader:
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path
    def __eq__(self, other):
        return (self.__class__ == other.__class__ and self.__dict__ == other.__dict__)
    def __hash__(self):
        return hash(self.name) ^ hash(self.path)
    def get_filename(self, name=None):
        return self.path
    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()
    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'
    def get_source(self, fullname):
        return self.get_data(self.path).decode()
SourceFileLoader.__module__ = '_frozen_importlib_external'
"#;

static SPEC_CLASSES: GilCell<Option<(PyRef, PyRef)>> = GilCell::new(None);

/// `(ModuleSpec, SourceFileLoader)`, compiled on first use.
fn spec_classes() -> PyResult<(PyRef, PyRef)> {
    // SAFETY: GIL held; short read, no Python code runs during it.
    if let Some(c) = unsafe { (*SPEC_CLASSES.as_ptr()).clone() } {
        return Ok(c);
    }
    let m = PyModule::new("_frozen_importlib")?;
    set_mod_attr(
        &m,
        "__builtins__",
        crate::modules::builtins::builtins_module()?,
    )?;
    let code = crate::run::compile_source(SPEC_SOURCE.as_bytes(), "<frozen importlib._bootstrap>")?;
    // SAFETY: m is a module.
    let globals = unsafe { m.payload_unchecked::<PyModule>() }.dict();
    crate::run::exec_code(&code, &globals, None)?;
    let get = |n: &str| -> PyResult<PyRef> {
        globals
            .downcast::<PyDict>()
            .and_then(|d| d.get_str(n).ok().flatten())
            .ok_or_else(|| PyErr::system_error("importlib stand-in is incomplete"))
    };
    let pair = (get("ModuleSpec")?, get("SourceFileLoader")?);
    // SAFETY: GIL held; no borrow of SPEC_CLASSES is alive.
    unsafe { *SPEC_CLASSES.get_mut() = Some(pair.clone()) };
    Ok(pair)
}

/// A `SourceFileLoader(name, path)` instance (for `__main__`'s `__loader__`
/// too).
pub fn source_loader(name: &str, path: &str) -> PyResult<PyRef> {
    let (_, loader_cls) = spec_classes()?;
    protocol::call(&loader_cls, &[PyStr::new(name)?, PyStr::new(path)?], None)
}

/// Sets `__spec__` and `__loader__` of a module loaded from `path`.
fn set_spec(
    m: &PyRef,
    name: &str,
    path: &str,
    cached: &str,
    pkg_path: Option<&[String]>,
) -> PyResult<()> {
    let (spec_cls, _) = spec_classes()?;
    let loader = source_loader(name, path)?;
    let kw = PyTuple::new(vec![PyStr::new("origin")?])?;
    let spec = protocol::call(
        &spec_cls,
        &[PyStr::new(name)?, loader.clone(), PyStr::new(path)?],
        Some(&kw),
    )?;
    if let Some(paths) = pkg_path {
        let items: PyResult<Vec<PyRef>> = paths.iter().map(|p| PyStr::new(p)).collect();
        protocol::setattr(
            &spec,
            crate::intern!("submodule_search_locations"),
            Some(&PyList::new(items?)?),
        )?;
    }
    protocol::setattr(
        &spec,
        &crate::objects::str::intern("has_location"),
        Some(&crate::objects::bool_::py_bool(true)),
    )?;
    protocol::setattr(
        &spec,
        &crate::objects::str::intern("cached"),
        Some(&PyStr::new(cached)?),
    )?;
    set_mod_attr(m, "__loader__", loader)?;
    set_mod_attr(m, "__spec__", spec)?;
    Ok(())
}

/// `importlib.util.cache_from_source`: `DIR/__pycache__/NAME.cpython-311.pyc`.
fn cache_from_source(file: &std::path::Path) -> String {
    let dir = file.parent().map(|d| d.to_path_buf()).unwrap_or_default();
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join("__pycache__")
        .join(format!("{stem}.cpython-311.pyc"))
        .to_string_lossy()
        .into_owned()
}

/// A `ModuleSpec` for a namespace package.
fn set_namespace_spec(m: &PyRef, name: &str, paths: &[String]) -> PyResult<()> {
    let (spec_cls, _) = spec_classes()?;
    let kw = PyTuple::new(vec![PyStr::new("is_package")?])?;
    let spec = protocol::call(
        &spec_cls,
        &[
            PyStr::new(name)?,
            none(),
            crate::objects::bool_::py_bool(true),
        ],
        Some(&kw),
    )?;
    let items: PyResult<Vec<PyRef>> = paths.iter().map(|p| PyStr::new(p)).collect();
    protocol::setattr(
        &spec,
        crate::intern!("submodule_search_locations"),
        Some(&PyList::new(items?)?),
    )?;
    set_mod_attr(m, "__spec__", spec)?;
    Ok(())
}

fn set_mod_attr(m: &PyRef, key: &str, v: PyRef) -> PyResult<()> {
    // SAFETY: callers pass modules made by PyModule::new.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| d.set_str(key, v))
}

fn bind_in_parent(parent: Option<&PyRef>, last: &str, m: &PyRef) -> PyResult<()> {
    if let Some(p) = parent {
        protocol::setattr(p, &crate::objects::str::intern(last), Some(m))?;
    }
    Ok(())
}

fn load_source(
    name: &str,
    parent: Option<&str>,
    file: &std::path::Path,
    pkg_path: Option<Vec<String>>,
    parent_module: Option<PyRef>,
) -> PyResult<PyRef> {
    let source = std::fs::read(file)
        .map_err(|e| PyErr::import_error(format!("cannot read {}: {e}", file.to_string_lossy())))?;
    let filename = file.to_string_lossy().into_owned();
    let m = PyModule::new(name)?;
    set_mod_attr(&m, "__file__", PyStr::new(&filename)?)?;
    let cached = cache_from_source(file);
    set_mod_attr(&m, "__cached__", PyStr::new(&cached)?)?;
    let package = match &pkg_path {
        Some(_) => name.to_owned(),
        None => parent.unwrap_or("").to_owned(),
    };
    set_mod_attr(&m, "__package__", PyStr::new(&package)?)?;
    if let Some(paths) = &pkg_path {
        let items: PyResult<Vec<PyRef>> = paths.iter().map(|p| PyStr::new(p)).collect();
        set_mod_attr(&m, "__path__", PyList::new(items?)?)?;
    }
    set_spec(&m, name, &filename, &cached, pkg_path.as_deref())?;
    set_mod_attr(
        &m,
        "__builtins__",
        crate::modules::builtins::builtins_module()?,
    )?;
    sys_modules_set(name, Some(&m))?;
    let code_name = frozen_code_name(name, file).unwrap_or_else(|| filename.clone());
    let run = || -> PyResult<()> {
        let code = crate::run::compile_source(&source, &code_name)?;
        // SAFETY: m is a module.
        let globals = unsafe { m.payload_unchecked::<PyModule>() }.dict();
        crate::run::exec_code(&code, &globals, None)?;
        Ok(())
    };
    if let Err(e) = run() {
        let _ = sys_modules_set(name, None);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    let m = match sys_modules_get(name)? {
        Some(m) => m,
        None => {
            return Err(PyErr::import_error(format!(
                "Loaded module {name} not found in sys.modules"
            )))
        }
    };
    let last = name.rsplit('.').next().unwrap_or(name);
    bind_in_parent(parent_module.as_ref(), last, &m)?;
    Ok(m)
}

/// The standard-library modules CPython 3.11 freezes into its binary
/// (`Python/frozen.c`, less the import machinery Taipan replaces).
const FROZEN_STDLIB: &[&str] = &[
    "zipimport",
    "abc",
    "codecs",
    "io",
    "_collections_abc",
    "_sitebuiltins",
    "genericpath",
    "ntpath",
    "posixpath",
    "os",
    "site",
    "stat",
    "importlib.util",
    "importlib.machinery",
    "runpy",
];

/// The code filename of a frozen module: `<frozen os>`, as CPython 3.11's
/// tracebacks and warnings show it (no source line), when `file` is the
/// standard library's own copy of the module.
fn frozen_code_name(name: &str, file: &std::path::Path) -> Option<String> {
    if !FROZEN_STDLIB.contains(&name) {
        return None;
    }
    let home = std::env::var("PYTHONHOME").unwrap_or_else(|_| "/usr".to_owned());
    let expected = std::path::Path::new(&home)
        .join("lib/python3.11")
        .join(format!("{}.py", name.replace('.', "/")));
    let same = match (
        std::fs::canonicalize(file),
        std::fs::canonicalize(&expected),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same.then(|| format!("<frozen {name}>"))
}

/// `_calc___package__` and `_resolve_name`: the absolute name of a relative
/// import.
fn resolve_relative(name: &str, globals: Option<&PyRef>, level: i64) -> PyResult<String> {
    let globals = match globals {
        Some(g) => g,
        None => {
            return Err(PyErr::key_error(PyStr::new("'__name__' not in globals")?));
        }
    };
    let get = |k: &str| -> PyResult<Option<PyRef>> {
        match globals.downcast::<PyDict>() {
            Some(d) => d.get_str(k),
            None => Ok(None),
        }
    };
    let package = match get("__package__")? {
        Some(p) if !p.is_none() => {
            if !p.is_instance_of::<PyStr>() {
                return Err(PyErr::type_error("package must be a string"));
            }
            str_of(&p).unwrap_or_default()
        }
        _ => match get("__spec__")?.filter(|s| !s.is_none()) {
            Some(spec) => str_of(&protocol::getattr_str(&spec, "parent")?).unwrap_or_default(),
            None => {
                let n = match get("__name__")? {
                    Some(n) => str_of(&n).unwrap_or_default(),
                    None => return Err(PyErr::key_error(PyStr::new("'__name__' not in globals")?)),
                };
                if get("__path__")?.is_some() {
                    n
                } else {
                    n.rsplit_once('.')
                        .map(|(a, _)| a.to_owned())
                        .unwrap_or_default()
                }
            }
        },
    };
    if package.is_empty() {
        return Err(PyErr::import_error(
            "attempted relative import with no known parent package",
        ));
    }
    let mut base: &str = &package;
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => {
                return Err(PyErr::import_error(
                    "attempted relative import beyond top-level package",
                ))
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_owned()
    } else {
        format!("{base}.{name}")
    })
}

/// `__import__(name, globals, locals, fromlist, level)` as `IMPORT_NAME`
/// calls it: returns the top-level package, or the module itself when
/// `fromlist` is non-empty.
pub fn import_name(
    name: &PyRef,
    globals: Option<&PyRef>,
    fromlist: &PyRef,
    level: i64,
) -> PyResult<PyRef> {
    let name_s = match name.downcast::<PyStr>() {
        Some(s) => s.as_str().to_owned(),
        None => {
            return Err(PyErr::type_error(format!(
                "module name must be str, not {}",
                name.ty().name()
            )))
        }
    };
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let abs = if level > 0 {
        resolve_relative(&name_s, globals, level)?
    } else {
        if name_s.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        name_s.clone()
    };
    let module = import_module(&abs)?;
    let has_from = !fromlist.is_none() && protocol::is_true(fromlist)?;
    if !has_from {
        if level == 0 {
            let top = name_s.split('.').next().unwrap_or(&name_s);
            return import_module(top);
        }
        if name_s.is_empty() {
            return Ok(module);
        }
        let first = name_s.split('.').next().unwrap_or(&name_s);
        let cut = name_s.len() - first.len();
        let top = &abs[..abs.len() - cut];
        return import_module(top);
    }
    handle_fromlist(&module, fromlist, &abs, false)?;
    Ok(module)
}

/// `_handle_fromlist`: imports the submodules named in `fromlist` that are
/// not already attributes of a package.
fn handle_fromlist(
    module: &PyRef,
    fromlist: &PyRef,
    modname: &str,
    recursive: bool,
) -> PyResult<()> {
    if protocol::lookup_attr(module, crate::intern!("__path__"))?.is_none() {
        return Ok(());
    }
    for x in protocol::collect(fromlist)? {
        let xs = match x.downcast::<PyStr>() {
            Some(s) => s.as_str().to_owned(),
            None => {
                let what = if recursive {
                    format!("{modname}.__all__")
                } else {
                    "``from list''".to_owned()
                };
                return Err(PyErr::type_error(format!(
                    "Item in {what} must be str, not {}",
                    x.ty().name()
                )));
            }
        };
        if xs == "*" {
            if !recursive {
                if let Some(all) = protocol::lookup_attr(module, crate::intern!("__all__"))? {
                    handle_fromlist(module, &all, modname, true)?;
                }
            }
            continue;
        }
        if protocol::lookup_attr(module, &x)?.is_none() {
            let sub = format!("{modname}.{xs}");
            match import_module(&sub) {
                Ok(_) => {}
                Err(e) if e.matches(&exceptions::MODULE_NOT_FOUND_ERROR) => {
                    let ename = crate::objects::exceptions_attrs::import_error_name(&e)
                        .and_then(|n| str_of(&n));
                    if ename.as_deref() == Some(sub.as_str()) && sys_modules_get(&sub)?.is_none() {
                        continue;
                    }
                    return Err(e);
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}
