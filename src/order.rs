//! A stable sort for the start-up's few small lists (an object's keys, the projects to pick
//! from). std's sort is compiled once per element type and comparator, about 3.5 KB of wasm
//! each, and wasm-split keeps every copy the start-up reaches in the sign-in page's first load;
//! this one is compiled once: it orders positions, and a comparator is a `&dyn Fn`.

/// The positions `0..len` in the order `less` gives, positions that compare equal in their
/// original order. `less(a, b)` tells whether the item at `a` goes before the item at `b`.
#[inline(never)]
pub fn stable_order(len: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    // Short runs by insertion, then merged pairwise, wider each pass: n log n compares at most,
    // and an item moves only past one that is strictly greater, which keeps equal ones in order.
    const RUN: usize = 8;
    let mut order: Vec<usize> = (0..len).collect();
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && less(run[j], run[j - 1]) {
                run.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    if len <= RUN {
        // One run: nothing to merge, so no buffer (most objects in a list are this small).
        return order;
    }
    let mut merged = vec![0; len];
    let mut width = RUN;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                let take_right = right < end && (left >= mid || less(order[right], order[left]));
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// The items at the given positions, in that order; a position given twice or out of range is
/// skipped.
pub fn take_in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots.get_mut(i)?.take()).collect()
}

/// `items` sorted by `key`, stably.
pub fn sorted_by_key<T, K: Ord>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[a] < keys[b]);
    take_in_order(items, &order)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_and_empty_lists() {
        assert_eq!(stable_order(0, &|_, _| false), Vec::<usize>::new());
        assert_eq!(sorted_by_key(vec![3, 1, 2], |x| *x), vec![1, 2, 3]);
        assert_eq!(take_in_order(vec!['a', 'b', 'c'], &[2, 2, 9, 0]), vec!['c', 'a']);
    }

    proptest! {
        #[test]
        fn orders_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..12, 0..300)) {
            // Few distinct keys, so most have equals: their original order must hold.
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = tagged.clone();
            expected.sort_by_key(|t| t.0);
            prop_assert_eq!(sorted_by_key(tagged, |t| t.0), expected);
        }
    }
}
