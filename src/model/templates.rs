//! Five built-in templates with real content, and the sample map.
