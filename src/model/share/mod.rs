//! Share links: compact encoding, compression and encryption of a map for a URL fragment.
