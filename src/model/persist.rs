//! Persisted envelopes, schema migrations, file import/export and history snapshots.
