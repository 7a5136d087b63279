//! The user's clock: today's date where the user is.

use crate::model::dates::Date;

/// Today in the browser's time zone (not UTC, which is a day off for much of the world
/// in the evening or the morning).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    // getTimezoneOffset is UTC minus local time, in minutes.
    let offset_min = -(now.get_timezone_offset() as i32);
    Date::local_from_unix_ms(now.get_time(), offset_min)
}

/// The calendar date where the user is of a moment in ms since the epoch (with the time
/// zone offset in force at that moment, which differs from today's across summer time).
pub fn local_date(ms: f64) -> Date {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let offset_min = -(at.get_timezone_offset() as i32);
    Date::local_from_unix_ms(ms, offset_min)
}
