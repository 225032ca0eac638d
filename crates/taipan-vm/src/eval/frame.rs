//! Interpreter frames (CPython's `Python/frame.c`,
//! `Include/internal/pycore_frame.h`) and argument binding
//! (`initialize_locals` in `Python/ceval.c`).
//!
//! A frame holds its code, globals, builtins, the locals mapping of module
//! and class bodies, and one contiguous array of slots: the fast locals,
//! cells and free variables (`localsplus`), then the value stack. A slot is
//! `Option<PyRef>`: `None` is an unbound local or the NULL the 3.11 calling
//! sequence pushes. Deviation from CPython: each frame's slots are a vector
//! rather than a bump-allocated region of a per-thread data stack, and
//! finished frames go to a per-thread pool that the next call reuses, so a
//! warm call allocates nothing; frames are still never on the Rust stack
//! across Python-to-Python calls (the loop keeps callers in a vector).

use crate::object::*;
use crate::objects::code::{flags, PyCode};
use crate::objects::dict::PyDict;
use crate::objects::function::PyFunction;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// Frames kept for reuse (deviation: CPython bump-allocates frames in a
/// per-thread data stack; a pool of freed frames and their slot vectors
/// likewise makes a call allocate nothing once warm).
type Pooled = (Box<std::mem::MaybeUninit<Frame>>, Vec<Option<PyRef>>);

const POOL_MAX: usize = 64;
const POOLED_SLOTS_MAX: usize = 512;

/// The pool, guarded by the GIL: no Python code runs while it is touched
/// (a pooled frame is plain memory, so any thread may reuse it).
static FRAME_POOL: crate::gil::GilCell<Vec<Pooled>> = crate::gil::GilCell::new(Vec::new());

/// What a class call whose `__init__` runs in a loop frame keeps: see
/// [`Frame::init`].
pub type InitCall = (PyRef, crate::eval::recursion::Guard, HeldArgs, usize);

/// One more reference to each argument of a class call while its
/// `__init__` runs, as the argument tuple of CPython 3.11's `type_call`
/// holds (`sys.getrefcount` shows it); kept inline for up to four.
pub struct HeldArgs {
    _inline: [Option<PyRef>; 4],
    _rest: Vec<PyRef>,
}

impl HeldArgs {
    pub fn new(args: &[PyRef]) -> HeldArgs {
        let mut inline: [Option<PyRef>; 4] = [None, None, None, None];
        let n = args.len().min(4);
        for (d, a) in inline.iter_mut().zip(&args[..n]) {
            *d = Some(a.clone());
        }
        HeldArgs {
            _inline: inline,
            _rest: args[n..].to_vec(),
        }
    }
}

/// A running (or suspended) Python frame.
pub struct Frame {
    pub code: PyRef,
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies (`None` for functions).
    pub locals: Option<PyRef>,
    /// localsplus, then the value stack (its length never changes while
    /// the frame runs).
    pub slots: Vec<Option<PyRef>>,
    /// Index of the first free stack slot.
    pub sp: usize,
    /// Code unit index of the next instruction.
    pub pc: usize,
    /// Code unit index of the instruction being run.
    pub lasti: usize,
    /// The frame object, once made.
    pub frame_obj: Option<PyRef>,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<PyRef>,
    /// The recursion level this frame holds (Python-to-Python calls).
    pub guard: Option<crate::eval::recursion::Guard>,
    /// For an `__init__` frame the loop pushed for a class call: the new
    /// instance (which the call gives once `__init__` returns `None`), the
    /// recursion level of the class call itself, a reference to each
    /// argument (see [`HeldArgs`]), and the caller's stack depth below the
    /// class and its arguments, which stay on the caller's stack meanwhile.
    pub init: Option<InitCall>,
    /// The calling frame while this one runs (null at the bottom); set by
    /// the loop each time the frame starts or resumes.
    pub back: *mut Frame,
}

impl Frame {
    /// A frame for `code` with all locals unbound.
    pub fn new(
        code: PyRef,
        func: Option<PyRef>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
    ) -> Box<Frame> {
        // SAFETY: callers pass code objects.
        let c = unsafe { code.payload_unchecked::<PyCode>() };
        let n = c.nlocalsplus + c.stacksize + 1;
        // SAFETY: GIL held; the pop runs no code, so no other borrow of the pool is alive.
        let pooled = unsafe { (*FRAME_POOL.as_ptr()).pop() };
        let (mut bx, mut v) = pooled.unwrap_or_else(|| (Box::new_uninit(), Vec::new()));
        // A pooled vector holds only `None`s (see `release`); it may be
        // longer than this frame needs, which only leaves spare slots.
        if v.len() < n {
            v.resize_with(n, || None);
        }
        debug_assert!(v.iter().all(|s| s.is_none()));
        bx.write(Frame {
            sp: c.nlocalsplus,
            code,
            func,
            globals,
            builtins,
            locals,
            slots: v,
            pc: 0,
            lasti: 0,
            frame_obj: None,
            kwnames: None,
            guard: None,
            init: None,
            back: std::ptr::null_mut(),
        });
        // SAFETY: just initialized.
        unsafe { bx.assume_init() }
    }

    /// Ends a finished frame (`_PyFrame_Clear`): its slots are cleared
    /// first, then its other references, and the memory goes back to a
    /// per-thread pool for the next call instead of to the allocator.
    pub fn release(mut f: Box<Frame>) {
        // A frame object made for this frame keeps its locals (CPython's
        // `take_ownership`); the slots are then no longer the frame's.
        if f.frame_obj.is_some() {
            crate::objects::frame::take_ownership(&mut f);
        }
        let mut slots = std::mem::take(&mut f.slots);
        // Only the slots below `sp` can hold values (every pop takes its
        // value, and a frame starts with its stack slots empty).
        let used = f.sp.min(slots.len());
        // Values may run `__del__`, which may make frames: nothing is
        // borrowed meanwhile. The vector keeps its length (all `None`s)
        // for the next frame.
        for s in slots[..used].iter_mut() {
            if s.is_some() {
                drop(s.take());
            }
        }
        let raw = Box::into_raw(f);
        // SAFETY: `raw` comes from `Box::into_raw`; the frame is dropped in place once, and its allocation is then only used as uninitialized memory of the same layout.
        let bx = unsafe {
            std::ptr::drop_in_place(raw);
            Box::from_raw(raw as *mut std::mem::MaybeUninit<Frame>)
        };
        if slots.capacity() <= POOLED_SLOTS_MAX {
            // SAFETY: GIL held; the push runs no code, so no other borrow of the pool is alive.
            let pool = unsafe { &mut *FRAME_POOL.as_ptr() };
            if pool.len() < POOL_MAX {
                pool.push((bx, slots));
            }
        }
    }

    /// The code object's payload, with a lifetime not tied to the frame
    /// borrow (the frame keeps the code alive while it runs).
    #[inline(always)]
    pub fn code_ref<'a>(&self) -> &'a PyCode {
        // SAFETY: the frame owns a reference to its code object, which outlives every use the loop makes of this borrow.
        unsafe { &*(self.code.as_ptr() as *const PyCode) }
    }

    /// The frame object for this frame (`_PyFrame_GetFrameObject`), made on
    /// first need, with its last instruction updated.
    pub fn frame_object(&mut self) -> PyResult<PyRef> {
        if let Some(f) = &self.frame_obj {
            if let Some(p) = f.downcast::<crate::objects::frame::PyFrame>() {
                p.lasti.set(self.lasti as i32);
            }
            return Ok(f.clone());
        }
        let f = crate::objects::frame::PyFrame::new(
            self.code.clone(),
            self.globals.clone(),
            self.builtins.clone(),
            self.locals.clone(),
            self.lasti as i32,
        )?;
        if let Some(p) = f.downcast::<crate::objects::frame::PyFrame>() {
            p.live.set(self as *mut Frame);
        }
        self.frame_obj = Some(f.clone());
        Ok(f)
    }

    /// Empties the value stack (dropping its values).
    pub fn clear_stack(&mut self) {
        let base = self.code_ref().nlocalsplus;
        while self.sp > base {
            self.sp -= 1;
            drop(self.slots[self.sp].take());
        }
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if self.frame_obj.is_some() {
            crate::objects::frame::take_ownership(self);
        }
    }
}

fn qualname_of(func: &PyFunction) -> String {
    crate::objects::descr::name_str(&func.qualname()).to_string()
}

fn format_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        n => {
            let mut s = String::new();
            for (i, nm) in names.iter().enumerate() {
                if i + 1 == n {
                    s.push_str(&format!("and '{nm}'"));
                } else {
                    s.push_str(&format!("'{nm}', "));
                }
            }
            s
        }
    }
}

fn missing(func: &PyFunction, kind: &str, names: Vec<String>) -> PyErr {
    PyErr::type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        qualname_of(func),
        names.len(),
        kind,
        if names.len() == 1 { "" } else { "s" },
        format_names(&names)
    ))
}

/// Binds call arguments to the frame's local slots (`initialize_locals`),
/// with CPython's messages for every mismatch.
pub fn bind_args(
    func: &PyFunction,
    code: &PyCode,
    slots: &mut [Option<PyRef>],
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<()> {
    let kwnames_items: &[PyRef] = match kwnames {
        // SAFETY: kwnames is a tuple of str.
        Some(k) if k.is_instance_of::<PyTuple>() => unsafe {
            crate::objects::tuple::tuple_items_unchecked(k)
        },
        _ => &[],
    };
    let nkw = kwnames_items.len();
    let npos = args.len() - nkw;
    let argcount = code.argcount;
    let total_args = argcount + code.kwonlyargcount;
    let names = code.localsplus_names();
    let varargs = code.flags & flags::VARARGS != 0;
    let varkw = code.flags & flags::VARKEYWORDS != 0;

    let kwdict = if varkw {
        let d = PyDict::new()?;
        let i = total_args + usize::from(varargs);
        slots[i] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    let n = npos.min(argcount);
    for (slot, a) in slots.iter_mut().zip(&args[..n]) {
        *slot = Some(a.clone());
    }
    if varargs {
        let extra = if npos > argcount {
            PyTuple::from_slice(&args[argcount..npos])?
        } else {
            crate::objects::tuple::empty_tuple()
        };
        slots[total_args] = Some(extra);
    }

    // Keyword arguments.
    for (i, kw) in kwnames_items.iter().enumerate() {
        let value = &args[npos + i];
        let mut found = None;
        for (j, nm) in names
            .iter()
            .enumerate()
            .take(total_args)
            .skip(code.posonlyargcount)
        {
            if nm.is(kw) {
                found = Some(j);
                break;
            }
        }
        if found.is_none() {
            if let Some(ks) = kw.downcast::<PyStr>() {
                for (j, nm) in names
                    .iter()
                    .enumerate()
                    .take(total_args)
                    .skip(code.posonlyargcount)
                {
                    if let Some(ns) = nm.downcast::<PyStr>() {
                        if ns.eq_str(ks) {
                            found = Some(j);
                            break;
                        }
                    }
                }
            }
        }
        match found {
            Some(j) => {
                if slots[j].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname_of(func),
                        crate::objects::descr::name_str(kw)
                    )));
                }
                slots[j] = Some(value.clone());
            }
            None => match &kwdict {
                Some(d) => {
                    // SAFETY: made above.
                    let dd = unsafe { d.payload_unchecked::<PyDict>() };
                    dd.set_item(kw.clone(), value.clone())?;
                }
                None => {
                    // Positional-only passed as keyword?
                    let posonly: Vec<String> = names[..code.posonlyargcount]
                        .iter()
                        .filter(|n| {
                            n.downcast::<PyStr>()
                                .zip(kw.downcast::<PyStr>())
                                .map(|(a, b)| a.eq_str(b))
                                .unwrap_or(false)
                        })
                        .map(|n| crate::objects::descr::name_str(n).to_string())
                        .collect();
                    if !posonly.is_empty() {
                        return Err(PyErr::type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            qualname_of(func),
                            posonly.join(", ")
                        )));
                    }
                    if !kw.is_instance_of::<PyStr>() {
                        return Err(PyErr::type_error(format!(
                            "{}() keywords must be strings",
                            qualname_of(func)
                        )));
                    }
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname_of(func),
                        crate::objects::descr::name_str(kw)
                    )));
                }
            },
        }
    }

    // Too many positional arguments.
    if npos > argcount && !varargs {
        let defcount = func
            .defaults()
            .and_then(|d| d.downcast::<PyTuple>().map(|t| t.len()))
            .unwrap_or(0);
        let kwonly_given = (argcount..total_args)
            .filter(|&i| slots[i].is_some())
            .count();
        let (sig, plural) = if defcount > 0 {
            (
                format!("from {} to {}", argcount - defcount, argcount),
                true,
            )
        } else {
            (format!("{argcount}"), argcount != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if npos != 1 { "s" } else { "" },
                kwonly_given,
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        return Err(PyErr::type_error(format!(
            "{}() takes {} positional argument{} but {}{} {} given",
            qualname_of(func),
            sig,
            if plural { "s" } else { "" },
            npos,
            kwonly_sig,
            if npos == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        )));
    }

    // Defaults for missing positional arguments.
    if npos < argcount {
        let defaults = func.defaults();
        let defs: &[PyRef] = match &defaults {
            Some(d) => d.downcast::<PyTuple>().map(|t| t.items()).unwrap_or(&[]),
            None => &[],
        };
        let m = argcount - defs.len().min(argcount);
        let mut miss = Vec::new();
        for (i, slot) in slots.iter().enumerate().take(m).skip(npos) {
            if slot.is_none() {
                miss.push(crate::objects::descr::name_str(&names[i]).to_string());
            }
        }
        if !miss.is_empty() {
            return Err(missing(func, "positional", miss));
        }
        let start = npos.max(m);
        for (i, slot) in slots.iter_mut().enumerate().take(argcount).skip(start) {
            if slot.is_none() {
                *slot = defs.get(i - m).cloned();
            }
        }
    }

    // Keyword-only defaults.
    if code.kwonlyargcount > 0 {
        let kwdefs = func.kwdefaults();
        let mut miss = Vec::new();
        for i in argcount..total_args {
            if slots[i].is_some() {
                continue;
            }
            let mut v = None;
            if let Some(kd) = &kwdefs {
                if let Some(d) = kd.downcast::<PyDict>() {
                    v = d.get_item(&names[i])?;
                }
            }
            match v {
                Some(v) => slots[i] = Some(v),
                None => miss.push(crate::objects::descr::name_str(&names[i]).to_string()),
            }
        }
        if !miss.is_empty() {
            return Err(missing(func, "keyword-only", miss));
        }
    }
    Ok(())
}
