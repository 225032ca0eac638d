//! Attributes that particular exceptions carry (`AttributeError.name` and
//! `.obj`, `NameError.name`, ...), set where the interpreter raises them so
//! that "Did you mean" suggestions can be computed (CPython's
//! `Objects/exceptions.c` member tables and `Python/suggestions.c` inputs).

use crate::object::*;
use crate::objects::exceptions::PyBaseException;

/// Records `name` and `obj` on an AttributeError (kept in the instance dict).
pub fn set_name_obj(e: &PyErr, name: &PyRef, obj: &PyRef) {
    let v = e.value();
    if v.downcast::<PyBaseException>().is_none() {
        return;
    }
    if let Ok(Some(d)) = crate::objects::object::instance_dict(v, true) {
        // SAFETY: an exception's dict slot holds a dict.
        let d = unsafe { d.payload_unchecked::<crate::objects::dict::PyDict>() };
        let _ = d.set_str("name", name.clone());
        let _ = d.set_str("obj", obj.clone());
    }
}

/// Records `name` on a NameError.
pub fn set_name(e: &PyErr, name: &PyRef) {
    let v = e.value();
    if let Ok(Some(d)) = crate::objects::object::instance_dict(v, true) {
        // SAFETY: an exception's dict slot holds a dict.
        let d = unsafe { d.payload_unchecked::<crate::objects::dict::PyDict>() };
        let _ = d.set_str("name", name.clone());
    }
}
