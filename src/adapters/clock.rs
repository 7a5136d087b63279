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
