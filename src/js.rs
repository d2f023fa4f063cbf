//! Browser features reached by name: those web-sys has no binding for, or that a browser may
//! not have. Each gives `None` where the feature is missing, never an error to handle.

use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`, when it is there (neither `undefined` nor `null`).
pub fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[name](...args)`, when `target[name]` is a function and the call does not throw.
pub fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method = property(target, name)?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    method.apply(target, &args).ok()
}
