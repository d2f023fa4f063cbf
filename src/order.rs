//! Orders. A stable sort for the start-up's few small lists (an object's keys, the projects to
//! pick from): std's sort is compiled once per element type and comparator, about 3.5 KB of wasm
//! each, and wasm-split keeps every copy the start-up reaches in the sign-in page's first load;
//! this one is compiled once: it orders positions, and a comparator is a `&dyn Fn`. And the
//! order of names as people read them (`natural_cmp`).

use std::cmp::Ordering;

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

/// Names as people order them: a run of digits by its value, so `web-9` comes before `web-10`
/// and `10.0.0.2` before `192.168.1.4`; everything else by code point. Of two texts equal so,
/// the one whose first differing number has fewer leading zeros comes first (`a1` before
/// `a01`), so only equal texts compare equal and the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // What the two share is skipped at memcmp's pace (a long list's names share most of
    // themselves), back to the start of a number cut by the first difference.
    let mut same = shared_prefix(a, b);
    while same > 0 && a[same - 1].is_ascii_digit() {
        same -= 1;
    }
    let (mut i, mut j) = (same, same);
    let mut padding = Ordering::Equal;
    while i < a.len() && j < b.len() {
        if !(a[i].is_ascii_digit() && b[j].is_ascii_digit()) {
            match a[i].cmp(&b[j]) {
                Ordering::Equal => (i, j) = (i + 1, j + 1),
                unequal => return unequal,
            }
            continue;
        }
        let (run_a, run_b) = (digit_run(&a[i..]), digit_run(&b[j..]));
        let (value_a, value_b) = (strip_zeros(run_a), strip_zeros(run_b));
        let by_value = value_a.len().cmp(&value_b.len()).then_with(|| value_a.cmp(value_b));
        if by_value != Ordering::Equal {
            return by_value;
        }
        padding = padding.then(run_a.len().cmp(&run_b.len()));
        (i, j) = (i + run_a.len(), j + run_b.len());
    }
    (a.len() - i).cmp(&(b.len() - j)).then(padding)
}

fn shared_prefix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 16;
    let mut same = 0;
    while same + CHUNK <= a.len().min(b.len()) && a[same..same + CHUNK] == b[same..same + CHUNK] {
        same += CHUNK;
    }
    same + a[same..].iter().zip(&b[same..]).take_while(|(x, y)| x == y).count()
}

fn digit_run(text: &[u8]) -> &[u8] {
    let end = text.iter().position(|c| !c.is_ascii_digit()).unwrap_or(text.len());
    &text[..end]
}

fn strip_zeros(digits: &[u8]) -> &[u8] {
    let start = digits.iter().position(|&c| c != b'0').unwrap_or(digits.len());
    &digits[start..]
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

    #[test]
    fn numbers_in_names_go_by_their_value() {
        let mut names = vec!["web-10", "web-9", "web-1", "web", "web-02", "web-2", "db-100"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["db-100", "web", "web-1", "web-2", "web-02", "web-9", "web-10"]);
        let mut exports = vec!["192.168.1.34:/mnt/a", "10.20.30.40:/exports", "10.3.0.1:/x"];
        exports.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(exports, ["10.3.0.1:/x", "10.20.30.40:/exports", "192.168.1.34:/mnt/a"]);
        // Longer than any integer type, and runs against letters.
        assert_eq!(natural_cmp(&"9".repeat(30), &format!("1{}", "0".repeat(30))), Ordering::Less);
        assert_eq!(natural_cmp("x2y", "x10"), Ordering::Less);
        assert_eq!(natural_cmp("x-", "x1"), Ordering::Less, "by code point: '-' before '1'");
        assert_eq!(natural_cmp("", "0"), Ordering::Less);
        assert_eq!(natural_cmp("é2", "é10"), Ordering::Less);
    }

    proptest! {
        #[test]
        fn the_natural_order_is_total(
            a in "[a0-2.é]{0,6}", b in "[a0-2.é]{0,6}", c in "[a0-2.é]{0,6}",
        ) {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b).is_le() && natural_cmp(&b, &c).is_le() {
                prop_assert!(natural_cmp(&a, &c).is_le(), "{a:?} <= {b:?} <= {c:?}");
            }
        }

        #[test]
        fn a_name_and_a_number_order_as_the_pair(
            p in "[a-c]{0,3}", m in 0u64..100_000, q in "[a-c]{0,3}", n in 0u64..100_000,
        ) {
            let (x, y) = (format!("{p}-{m}"), format!("{q}-{n}"));
            prop_assert_eq!(natural_cmp(&x, &y), (p.as_bytes(), m).cmp(&(q.as_bytes(), n)));
        }

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
