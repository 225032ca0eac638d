//! The `_warnings` module (CPython's `Python/_warnings.c`): the default
//! filters, `warn` and `warn_explicit`, so `warnings` imports without
//! compiling its default filters with `re`.
//!
//! Taipan deviation: written in Python (run in the module namespace at
//! import); the filter match supports the actions and categories but
//! compares message/module patterns only when they are `None` or have a
//! `match` method, as the compiled regexes of `warnings.filterwarnings` do.

use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

const PRELUDE: &str = r#"
import sys as _sys
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
_defaultaction = 'default'
_onceregistry = {}
_filters_version = 1

def _filters_mutated():
    global _filters_version
    _filters_version += 1

def _match(pat, s):
    if pat is None:
        return True
    if isinstance(pat, str):
        return pat == s
    return pat.match(s) is not None

def _warnings_attr(name, default):
    # As CPython's C code: once `warnings` is imported, its attributes win
    # (catch_warnings() replaces `warnings.filters` with a copy).
    w = _sys.modules.get('warnings')
    if w is None:
        return default
    try:
        return getattr(w, name)
    except AttributeError:
        return default

def _source_line(filename, lineno):
    try:
        with open(filename, 'rb') as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line.decode('utf-8', 'replace').strip()
    except Exception:
        pass
    return None

def _show(message, category, filename, lineno, module, source):
    show = _warnings_attr('_showwarnmsg', None)
    WarningMessage = _warnings_attr('WarningMessage', None)
    if show is not None and WarningMessage is not None:
        if not callable(show):
            raise TypeError("warnings._showwarnmsg() must be set to a callable")
        show(WarningMessage(message, category, filename, lineno, None, None, source))
        return
    err = _sys.stderr
    if err is None:
        return
    err.write('%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message))
    line = _source_line(filename, lineno)
    if line:
        err.write('  %s\n' % line)

def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    current = _warnings_attr('filters', filters)
    if not isinstance(current, list):
        raise ValueError("warnings.filters must be a list")
    for item in current:
        action, msg, cat, mod, ln = item
        if (_match(msg, text) and issubclass(category, cat) and _match(mod, module)
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = _warnings_attr('defaultaction', _defaultaction)
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        oncekey = (text, category)
        once = _warnings_attr('onceregistry', _onceregistry)
        if once.get(oncekey):
            return
        once[oncekey] = 1
    elif action == 'module':
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == 'default':
        registry[key] = 1
    elif action != 'always':
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    _show(message, category, filename, lineno, module, source)

def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    try:
        frame = _sys._getframe(stacklevel)
    except ValueError:
        globals = _sys.__dict__
        filename = 'sys'
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals.get('__name__', '<string>')
    registry = globals.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)

"#;

/// Creates the `_warnings` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_warnings")?;
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("_warnings: no module dict"))?;
    if let (Some(dd), Some(b)) = (d.downcast::<PyDict>(), &crate::interp::interp().builtins) {
        dd.set_str("__builtins__", b.clone())?;
    }
    let code = crate::run::compile_source(PRELUDE.as_bytes(), "<_warnings>")?;
    crate::run::exec_code(&code, &d, None)?;
    Ok(m)
}
