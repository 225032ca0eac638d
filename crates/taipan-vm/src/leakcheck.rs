//! The no-leak check (`TAIPAN_LEAKCHECK`): a Taipan-only tool that follows
//! the shape of CPython's `Python/pylifecycle.c` finalization
//! (`finalize_modules`: sys hooks reset, modules removed from `sys.modules`
//! and their dicts cleared, a final `gc.collect()`) and of the reference-leak
//! hunt of `Lib/test/libregrtest/refleak.py` (compare
//! `sys.getallocatedblocks()` around the code under test).
//!
//! With `TAIPAN_LEAKCHECK` set, the run of the main module is bracketed:
//! [`begin`] imports every native module once (and takes it out of
//! `sys.modules` again), collects, empties the caches that keep dead objects' blocks
//! (the float free list, the method cache's names) and records the allocated
//! block count, the `sys.modules` keys, the `__main__` namespace and the
//! `sys` attributes a program may replace (and the builtins dict and the
//! import finder lists). After the body, the atexit
//! functions and the usual clearing of `__main__`, [`end`] tears down what
//! the program created as interpreter finalization would: `__main__` gets its
//! start-up namespace back, every module imported during the run leaves
//! `sys.modules` and has its dict cleared (newest first), the replaced `sys`
//! attributes are restored, `sys.last_*` and new `sys.path_importer_cache`
//! entries are dropped, `gc.garbage` and `gc.callbacks` are emptied, and the
//! collector runs until it finds nothing. The block count is then compared
//! with the baseline.
//!
//! What legitimately stays is subtracted, not hidden in the slack: Taipan's
//! interned strings are immortal (one block each, and the program's
//! identifiers and those of the modules it imported are interned), so the
//! growth of the interned table is reported separately and taken out of the
//! leak figure. The result is one line,
//! `leakcheck before=B after=A interned=+I leaked=L`, written to stderr when
//! the variable is `1` and to the file it names otherwise.

use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// The `sys` attributes a program may replace and finalization resets.
const SYS_ATTRS: &[&str] = &[
    "stdin",
    "stdout",
    "stderr",
    "displayhook",
    "excepthook",
    "unraisablehook",
    "breakpointhook",
    "meta_path",
    "path_hooks",
    "path",
    "__interactivehook__",
];

/// What [`begin`] recorded.
pub struct Baseline {
    target: String,
    blocks: usize,
    interned: usize,
    modules: Vec<PyRef>,
    main_items: Vec<(PyRef, PyRef)>,
    sys_attrs: Vec<(&'static str, Option<PyRef>)>,
    sys_path: Vec<PyRef>,
    meta_path: Vec<PyRef>,
    path_hooks: Vec<PyRef>,
    importer_cache: Vec<PyRef>,
    builtins_items: Vec<(PyRef, PyRef)>,
}

/// The builtins module's dict.
fn builtins_dict() -> Option<PyRef> {
    let b = crate::import::import_module("builtins").ok()?;
    dict_of(&b)
}

fn list_items(name: &str) -> Vec<PyRef> {
    sys_dict_get(name)
        .and_then(|p| p.downcast::<PyList>().map(|l| l.snapshot()))
        .unwrap_or_default()
}

fn restore_list(name: &str, items: &[PyRef]) {
    if let Some(p) = sys_dict_get(name) {
        if let Some(l) = p.downcast::<PyList>() {
            drop(l.replace_all(items.to_vec()));
        }
    }
}

/// Whether the check is on (`TAIPAN_LEAKCHECK` set and not empty or `0`).
pub fn target() -> Option<String> {
    match std::env::var("TAIPAN_LEAKCHECK") {
        Ok(v) if !v.is_empty() && v != "0" => Some(v),
        _ => None,
    }
}

fn sys_module() -> Option<PyRef> {
    crate::interp::interp().sys.clone()
}

fn sys_dict_get(name: &str) -> Option<PyRef> {
    let sys = sys_module()?;
    crate::object::protocol::lookup_attr(&sys, &PyStr::new(name).ok()?)
        .ok()
        .flatten()
}

/// `gc.collect()` through the module (whatever the collector is), repeated
/// while it finds something (finalizers can make new garbage), and the
/// caches that keep freed blocks emptied.
fn collect_all() {
    if let Ok(gc) = crate::import::import_module("gc") {
        if let Ok(f) = crate::object::protocol::getattr_str(&gc, "collect") {
            for _ in 0..8 {
                match crate::object::protocol::call(&f, &[], None) {
                    Ok(n) => {
                        if crate::objects::int::as_i64(&n).unwrap_or(0) == 0 {
                            break;
                        }
                    }
                    Err(e) => {
                        drop(e);
                        break;
                    }
                }
            }
        }
    }
    crate::objects::float::clear_freelist();
    crate::objects::int::clear_freelist();
    crate::objects::type_::clear_method_cache();
}

fn dict_of(o: &PyRef) -> Option<PyRef> {
    o.downcast::<PyModule>().map(|m| m.dict())
}

/// Records the baseline just before the main module's body runs.
pub fn begin(target: String, globals: &PyRef) -> Baseline {
    // CPython's one-character Latin-1 strings are static; Taipan makes all
    // 256 at the first use: make them now.
    drop(crate::objects::str::char_str(0));
    // A built-in type gets its `tp_subclasses` dict at its first subclass
    // and keeps it (CPython's `add_subclass` too): give every static type
    // one now, so a program that subclasses `int` does not count it.
    for ty in crate::interp::static_types() {
        if ty.tp_subclasses.get_owned().is_none() {
            if let Ok(d) = PyDict::new() {
                drop(ty.tp_subclasses.set(Some(d)));
            }
        }
    }
    // Native modules keep some state for the life of the process once
    // imported (an exception type made by the first `import _struct`, as
    // CPython's single-phase modules keep theirs): import each one now and
    // take it out of sys.modules again, so that the program's import starts
    // from the same state.
    let mods = crate::interp::interp().modules.clone();
    if let Some(md) = mods.downcast::<PyDict>() {
        for name in crate::import::builtin_module_names() {
            if let Ok(None) = md.get_str(name) {
                match crate::import::import_module(name) {
                    Ok(_) => {
                        if let Ok(k) = PyStr::new(name) {
                            drop(md.del_item(&k));
                        }
                    }
                    Err(e) => drop(e),
                }
            }
        }
    }
    // CPython has importlib's bootstrap loaded from start-up (frozen), and
    // importing `importlib` annotates every native module with its spec and
    // loader: load it before the baseline, and keep it.
    // Whatever else importing it pulls in (`warnings`, ...) leaves
    // sys.modules again, so the program imports its own copy and the
    // teardown clears it.
    let before_importlib: Vec<PyRef> = crate::interp::interp()
        .modules
        .downcast::<PyDict>()
        .map(|d| d.keys())
        .unwrap_or_default();
    drop(crate::import::import_module("importlib"));
    if let Some(md) = crate::interp::interp().modules.downcast::<PyDict>() {
        for k in md.keys() {
            let keep = contains(&before_importlib, &k)
                || k.downcast::<PyStr>().is_some_and(|s| {
                    let n = s.as_str();
                    n == "importlib"
                        || n.starts_with("importlib.")
                        || n.starts_with("_frozen_importlib")
                });
            if !keep {
                drop(md.del_item(&k));
            }
        }
    }
    collect_all();
    let modules = crate::interp::interp()
        .modules
        .downcast::<PyDict>()
        .map(|d| d.keys())
        .unwrap_or_default();
    let main_items = globals
        .downcast::<PyDict>()
        .map(|d| d.items())
        .unwrap_or_default();
    let sys_attrs = SYS_ATTRS.iter().map(|n| (*n, sys_dict_get(n))).collect();
    let sys_path = list_items("path");
    let meta_path = list_items("meta_path");
    let path_hooks = list_items("path_hooks");
    // Finalization gives the builtins module its start-up dict back
    // (`interp->builtins_copy`).
    let builtins_items = builtins_dict()
        .and_then(|d| d.downcast::<PyDict>().map(|d| d.items()))
        .unwrap_or_default();
    let importer_cache = sys_dict_get("path_importer_cache")
        .and_then(|c| c.downcast::<PyDict>().map(|d| d.keys()))
        .unwrap_or_default();
    collect_all();
    Baseline {
        target,
        interned: crate::objects::str::interned_count(),
        modules,
        main_items,
        sys_attrs,
        sys_path,
        meta_path,
        path_hooks,
        importer_cache,
        builtins_items,
        blocks: crate::object::allocated_blocks(),
    }
}

/// `_PyModule_ClearDict`, then the dict emptied.
fn clear_module(m: &PyRef) {
    let Some(d) = dict_of(m) else { return };
    let Some(dd) = d.downcast::<PyDict>() else {
        return;
    };
    for pass in 0..2 {
        for k in dd.keys() {
            let Some(name) = k.downcast::<PyStr>().map(|s| s.as_str().to_owned()) else {
                continue;
            };
            let first = name.starts_with('_') && !name.starts_with("__");
            if (pass == 0 && first) || (pass == 1 && name != "__builtins__") {
                if let Err(e) = dd.set_item(k, none()) {
                    drop(e);
                }
            }
        }
    }
    dd.clear();
}

fn contains(keys: &[PyRef], k: &PyRef) -> bool {
    keys.iter().any(|b| {
        b.is(k)
            || matches!(
                (b.downcast::<PyStr>(), k.downcast::<PyStr>()),
                (Some(x), Some(y)) if x.as_str() == y.as_str()
            )
    })
}

/// A submodule imported during the run is an attribute of its package
/// (`importlib.util` of `importlib`); when the package itself was there
/// before the run (and so stays), that attribute goes with the submodule,
/// as finalization would clear the package too.
fn forget_submodule(modules: &PyDict, name: &PyRef, m: &PyRef) {
    let Some((parent, child)) = name.downcast::<PyStr>().and_then(|s| {
        s.as_str()
            .rsplit_once('.')
            .map(|(p, c)| (p.to_owned(), c.to_owned()))
    }) else {
        return;
    };
    let Ok(Some(pkg)) = modules.get_str(&parent) else {
        return;
    };
    let Some(d) = dict_of(&pkg) else { return };
    let Some(dd) = d.downcast::<PyDict>() else {
        return;
    };
    if let Ok(Some(v)) = dd.get_str(&child) {
        if v.is(m) {
            if let Ok(k) = PyStr::new(&child) {
                drop(dd.del_item(&k));
            }
        }
    }
}

/// Tears down what the program made, collects, and reports the difference.
pub fn end(b: Baseline, globals: &PyRef) {
    // __main__ gets its start-up namespace back.
    if let Some(d) = globals.downcast::<PyDict>() {
        d.clear();
        for (k, v) in &b.main_items {
            if let Err(e) = d.set_item(k.clone(), v.clone()) {
                drop(e);
            }
        }
    }
    // sys attributes the program replaced, sys.last_*, sys.path.
    if let Some(sys) = sys_module() {
        for (name, v) in &b.sys_attrs {
            if let Ok(n) = PyStr::new(name) {
                let now = crate::object::protocol::lookup_attr(&sys, &n)
                    .ok()
                    .flatten();
                let same = match (&now, v) {
                    (Some(x), Some(y)) => x.is(y),
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    if let Err(e) = crate::object::protocol::setattr(&sys, &n, v.as_ref()) {
                        drop(e);
                    }
                }
            }
        }
        for name in ["last_type", "last_value", "last_traceback"] {
            if let Ok(n) = PyStr::new(name) {
                if let Ok(Some(_)) = crate::object::protocol::lookup_attr(&sys, &n) {
                    if let Err(e) = crate::object::protocol::setattr(&sys, &n, None) {
                        drop(e);
                    }
                }
            }
        }
        restore_list("path", &b.sys_path);
        // The finders importlib installs when it is first imported.
        restore_list("meta_path", &b.meta_path);
        restore_list("path_hooks", &b.path_hooks);
        if let Some(c) = sys_dict_get("path_importer_cache") {
            if let Some(d) = c.downcast::<PyDict>() {
                for k in d.keys() {
                    if !contains(&b.importer_cache, &k) {
                        if let Err(e) = d.del_item(&k) {
                            drop(e);
                        }
                    }
                }
            }
        }
    }
    // gc.garbage and gc.callbacks belong to the program.
    if let Ok(gc) = crate::import::import_module("gc") {
        for name in ["garbage", "callbacks"] {
            if let Ok(l) = crate::object::protocol::getattr_str(&gc, name) {
                if let Some(l) = l.downcast::<PyList>() {
                    drop(l.replace_all(Vec::new()));
                }
            }
        }
    }
    // Modules imported during the run, newest first.
    let mods = crate::interp::interp().modules.clone();
    if let Some(md) = mods.downcast::<PyDict>() {
        let mut added: Vec<PyRef> = md
            .keys()
            .into_iter()
            .filter(|k| !contains(&b.modules, k))
            .collect();
        added.reverse();
        let mut removed = Vec::new();
        for k in added {
            if let Ok(Some(m)) = md.del_item(&k) {
                forget_submodule(md, &k, &m);
                removed.push(m);
            }
        }
        for m in &removed {
            clear_module(m);
        }
        drop(removed);
    }
    // The builtins module gets its start-up dict back (what `site` or the
    // program added goes), the codec registry and the thread's context are
    // cleared, as interpreter finalization does.
    if let Some(d) = builtins_dict() {
        if let Some(dd) = d.downcast::<PyDict>() {
            let old: Vec<(PyRef, PyRef)> = dd.items();
            dd.clear();
            for (k, v) in &b.builtins_items {
                if let Err(e) = dd.set_item(k.clone(), v.clone()) {
                    drop(e);
                }
            }
            drop(old);
        }
    }
    crate::modules::_codecs::clear_registry();
    crate::modules::_ast::clear_state();
    crate::modules::_signal::fini();
    crate::modules::_contextvars::clear_thread_context();
    crate::modules::sys::flush_std();
    collect_all();
    let after = crate::object::allocated_blocks();
    let interned = crate::objects::str::interned_count().saturating_sub(b.interned);
    let leaked = after as i64 - b.blocks as i64 - interned as i64;
    let line = format!(
        "leakcheck before={} after={} interned=+{} leaked={}\n",
        b.blocks, after, interned, leaked
    );
    if b.target == "1" {
        crate::modules::sys::write_stderr(&line);
        crate::modules::sys::flush_std();
    } else if let Err(e) = std::fs::write(&b.target, line) {
        crate::modules::sys::write_stderr(&format!("leakcheck: cannot write {}: {e}\n", b.target));
    }
}
