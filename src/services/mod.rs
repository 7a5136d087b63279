//! App services the components call: the workspace handle over storage, and (with the
//! `selftest` feature) the self-test and benchmark routes.

#[cfg(feature = "selftest")]
pub mod selftest;
pub mod workspace;
