//! Charts drawn with plotters on any backend: emotion curve and influence–interest matrix.
