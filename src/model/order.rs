//! Sorting with one copy of the standard library's sort in the wasm.
//!
//! `slice::sort_by` is generic over its closure, so every call site with a closure of its
//! own compiles the whole stable sort (driftsort: quicksort, merges, small sorts) anew.
//! Measured with `scripts/size-breakdown.sh`: 85 such functions, 58 KB of the editor's wasm
//! before gzip, for 15 call sites. Here the standard sort runs once, on indices, with a
//! comparison behind `dyn`; each caller adds only the small reordering step.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order), as `sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut xs: Vec<(u8, usize)> = [3u8, 1, 2, 3, 1, 0, 2, 3]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut expected = xs.clone();
        expected.sort_by_key(|a| a.0);
        sort_by(&mut xs, |a, b| a.0.cmp(&b.0));
        assert_eq!(xs, expected);
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn reverse_orders_with_ties() {
        let mut xs = vec![(1.0f64, 'a'), (2.0, 'b'), (1.0, 'c'), (3.0, 'd')];
        sort_by(&mut xs, |a, b| b.0.total_cmp(&a.0));
        assert_eq!(xs, [(3.0, 'd'), (2.0, 'b'), (1.0, 'a'), (1.0, 'c')]);
    }
}
