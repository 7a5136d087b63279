//! Hash routes: the app's pages live in the URL fragment, so a reload or a deep link
//! works on static hosting (GitHub Pages) with no server rewrites, and under any sub-path.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` — the list of maps.
    MapList,
    /// `#/map/<id>` — one map in the editor.
    Map(String),
    /// `#/s/<payload>` — a map shared by link, shown read-only (by the viewer page).
    Shared(String),
    /// `#/copy` — save the map the viewer handed over as a new map (its payload in
    /// sessionStorage), or `#/copy/<payload>` with the payload in the address (plain
    /// links only, where sessionStorage cannot be used).
    Copy(Option<String>),
    /// `#/selftest/<name>` — self-tests and benchmarks run in the real build
    /// (`crash` panics on purpose so tests can check the crash panel). Only in builds
    /// with the `selftest` feature; production builds treat it as any unknown page.
    #[cfg(feature = "selftest")]
    SelfTest(String),
    /// Any other fragment.
    NotFound(String),
}

fn is_map_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Route {
    /// Parses a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        // Query strings inside the fragment are not used; ignore them.
        let path = path.split('?').next().unwrap_or("");
        match path.split_once('/') {
            None if path.is_empty() => Route::MapList,
            None if path == "maps" => Route::MapList,
            #[cfg(feature = "selftest")]
            Some(("selftest", name)) if is_map_id(name) => Route::SelfTest(name.to_string()),
            Some(("map", id)) if is_map_id(id.trim_end_matches('/')) => {
                Route::Map(id.trim_end_matches('/').to_string())
            }
            Some(("s", payload)) if !payload.is_empty() => Route::Shared(payload.to_string()),
            None if path == "copy" => Route::Copy(None),
            Some(("copy", payload)) if !payload.is_empty() => {
                Route::Copy(Some(payload.to_string()))
            }
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::MapList => "#/".to_string(),
            Route::Map(id) => format!("#/map/{id}"),
            Route::Shared(payload) => format!("#/s/{payload}"),
            Route::Copy(None) => "#/copy".to_string(),
            Route::Copy(Some(payload)) => format!("#/copy/{payload}"),
            #[cfg(feature = "selftest")]
            Route::SelfTest(name) => format!("#/selftest/{name}"),
            Route::NotFound(hash) => hash.clone(),
        }
    }
}

/// The value of `key` in the query of a fragment (`#/s/<payload>?t=…&…`), undecoded.
pub fn fragment_query<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
}

/// The folder of the editor page (the whole app: map list and editor), beside the lean
/// map-list page that opens the site. Built from `edit/index.html` (bin `editor`).
pub const EDITOR_DIR: &str = "edit/";
/// The folder of the read-only viewer page that share links open (bin `viewer`).
pub const VIEWER_DIR: &str = "view/";

/// The site's folder, from the path of any of its pages: the page's own folder, less
/// the editor's or the viewer's folder (`/trailmap/`, `/trailmap/index.html`,
/// `/trailmap/edit/` and `/trailmap/view/index.html` all give `/trailmap/`).
pub fn site_path(page_path: &str) -> &str {
    let folder = page_path.rfind('/').map_or("/", |i| &page_path[..=i]);
    [EDITOR_DIR, VIEWER_DIR]
        .iter()
        .find_map(|dir| folder.strip_suffix(dir).filter(|rest| rest.ends_with('/')))
        .unwrap_or(folder)
}

/// The address of the viewer page (the lean read-only page that share links open), from
/// the path of any page of the site, under any sub-path.
pub fn viewer_path(page_path: &str) -> String {
    format!("{}{VIEWER_DIR}", site_path(page_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_viewer_sits_in_a_folder_beside_the_pages() {
        assert_eq!(viewer_path("/trailmap/"), "/trailmap/view/");
        assert_eq!(viewer_path("/trailmap/index.html"), "/trailmap/view/");
        assert_eq!(viewer_path("/trailmap/edit/"), "/trailmap/view/");
        assert_eq!(viewer_path("/trailmap/edit/index.html"), "/trailmap/view/");
        assert_eq!(viewer_path("/trailmap/view/"), "/trailmap/view/");
        assert_eq!(viewer_path("/"), "/view/");
        assert_eq!(viewer_path("/edit/"), "/view/");
        assert_eq!(viewer_path(""), "/view/");
        assert_eq!(site_path("/edit/index.html"), "/");
        // Only the page's own folder is taken off: a site served under /x/edit/.
        assert_eq!(site_path("/x/edit/edit/"), "/x/edit/");
    }

    #[test]
    fn parses_every_route() {
        assert_eq!(Route::parse(""), Route::MapList);
        assert_eq!(Route::parse("#"), Route::MapList);
        assert_eq!(Route::parse("#/"), Route::MapList);
        assert_eq!(Route::parse("#/map/abc-12"), Route::Map("abc-12".into()));
        assert_eq!(Route::parse("#/map/abc-12/"), Route::Map("abc-12".into()));
        assert_eq!(Route::parse("#/s/AbC_-9"), Route::Shared("AbC_-9".into()));
        // A title hint after the payload is no part of it.
        assert_eq!(
            Route::parse("#/s/AbC_-9?t=Onboarding+review"),
            Route::Shared("AbC_-9".into())
        );
        assert_eq!(
            fragment_query("#/s/AbC?t=Onboarding+review", "t"),
            Some("Onboarding+review")
        );
        assert_eq!(fragment_query("#/s/AbC?x=1&t=A%26B", "t"), Some("A%26B"));
        assert_eq!(fragment_query("#/s/AbC?title=x", "t"), None);
        assert_eq!(fragment_query("#/s/AbC", "t"), None);
        assert_eq!(Route::parse("#/copy"), Route::Copy(None));
        assert_eq!(Route::parse("#/copy/AbC"), Route::Copy(Some("AbC".into())));
        for r in [Route::Copy(None), Route::Copy(Some("AbC".into()))] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
        assert_eq!(Route::parse("#/map/"), Route::NotFound("#/map/".into()));
        assert_eq!(
            Route::parse("#/map/<script>"),
            Route::NotFound("#/map/<script>".into())
        );
        assert_eq!(
            Route::parse("#/nowhere"),
            Route::NotFound("#/nowhere".into())
        );
    }

    /// Self-test pages exist only in builds made for tests and benchmarks.
    #[test]
    fn selftest_routes_only_with_the_feature() {
        let route = Route::parse("#/selftest/crash");
        #[cfg(feature = "selftest")]
        assert_eq!(route, Route::SelfTest("crash".into()));
        #[cfg(not(feature = "selftest"))]
        assert_eq!(route, Route::NotFound("#/selftest/crash".into()));
    }

    #[test]
    fn hashes_round_trip() {
        for route in [
            Route::MapList,
            Route::Map("m1".into()),
            Route::Shared("x".into()),
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }
}
