//! The cycle collector (`crate::gc`, CPython's `Modules/gcmodule.c`) driven
//! from Python source and from Rust: the numbers `gc.collect()` reports,
//! that objects still referenced survive a collection, that the generation
//! lists stay consistent (every tracked object is found once), and that
//! freed cycles give their memory back.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::module::PyModule;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn run(src: &str) -> Result<String, String> {
    let _g = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
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
    let globals = m.downcast::<PyModule>().unwrap().dict();
    let gd = globals.downcast::<PyDict>().unwrap();
    let b = taipan_vm::interp::interp().builtins.clone().unwrap();
    gd.set_str("__builtins__", b).map_err(show)?;
    taipan_vm::run::exec_code(&code, &globals, None).map_err(show)?;
    let r = gd.get_str("r").map_err(show)?.ok_or("no r")?;
    let out = protocol::str_string(&r).map_err(show);
    gd.clear();
    out
}

fn check(src: &str, expected: &str) {
    assert_eq!(run(src).as_deref(), Ok(expected), "source: {src}");
}

#[test]
fn counts_and_survivors() {
    // A self-referencing list, a pair of lists, a list kept alive.
    check(
        "import gc\ngc.disable(); gc.collect()\n\
         a = []; a.append(a); del a\n\
         b = []; c = [b]; b.append(c); del b, c\n\
         keep = []; keep.append(keep)\n\
         n = gc.collect()\n\
         r = (n, keep[0] is keep, gc.collect())",
        "(3, True, 0)",
    );
    // Objects referenced only from a running frame's stack or locals survive.
    check(
        "import gc\ndef f():\n    x = []; x.append(x)\n    gc.collect()\n    return x[0] is x\n\
         r = f()",
        "True",
    );
}

#[test]
fn finalizers_and_weakrefs() {
    check(
        "import gc, weakref\ngc.disable(); gc.collect()\nlog = []\n\
         class A:\n    def __del__(self): log.append('del')\n\
         a = A(); a.me = a\n\
         w = weakref.ref(a, lambda r: log.append('cb'))\n\
         del a\n\
         n = gc.collect()\n\
         r = (log, w() is None, gc.collect())",
        "(['cb', 'del'], True, 0)",
    );
    // Resurrection: the object survives, its __del__ never runs again.
    check(
        "import gc\ngc.disable(); gc.collect()\nsaved = []\n\
         class R:\n    def __del__(self): saved.append(self)\n\
         x = R(); x.me = x; del x\n\
         gc.collect()\n\
         ok = saved[0].me is saved[0] and gc.is_finalized(saved[0])\n\
         saved[0].me = None; saved.clear(); gc.collect()\n\
         r = ok",
        "True",
    );
}

#[test]
fn generation_lists_stay_consistent() {
    let _g = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    taipan_vm::interp::initialize().unwrap();
    // What earlier tests left behind goes first.
    taipan_vm::gc::collect_from_python(2);
    let before = taipan_vm::gc::objects(None).len();
    let l = PyList::new(vec![]).unwrap();
    l.downcast::<PyList>().unwrap().push(l.clone());
    // SAFETY: l is alive.
    assert!(unsafe { taipan_vm::gc::is_tracked(l.as_ptr()) });
    let all = taipan_vm::gc::objects(None);
    assert_eq!(all.iter().filter(|o| o.is(&l)).count(), 1);
    assert!(all.len() > before);
    drop(all);
    let blocks = taipan_vm::object::allocated_blocks();
    drop(l);
    assert_eq!(taipan_vm::gc::collect_from_python(2), 1);
    assert!(taipan_vm::object::allocated_blocks() < blocks);
    // Every object is found exactly once across the generations.
    let all = taipan_vm::gc::objects(None);
    let mut ids: Vec<usize> = all.iter().map(|o| o.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
}
