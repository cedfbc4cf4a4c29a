//! The allocator: the system's, except that a large block has its pages
//! brought in with one call when it is handed out.
//!
//! ratatui's two screen buffers are such blocks (230 kB each at 120×40), and
//! each is filled as soon as it is made. Fresh from the kernel, each of its
//! pages faults on first touch: 114 faults, a tenth of a start on a virtual
//! machine where every fault leaves the guest. One `madvise` instead brings
//! them all in, for about half that time.

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks this large come straight from `mmap` (glibc's default threshold),
/// so none of their pages has been touched yet.
const LARGE: usize = 128 * 1024;

pub struct Prefault;

// SAFETY: every call is passed on to `System` unchanged; `populate` only asks
// the kernel to map pages of the block just allocated, which leaves their
// contents as they are.
unsafe impl GlobalAlloc for Prefault {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` hold for `System` too.
        let block = unsafe { System.alloc(layout) };
        if layout.size() >= LARGE && !block.is_null() {
            populate(block, layout.size());
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` came from `System`, with this layout.
        unsafe { System.dealloc(block, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // Zeroed blocks are often left mostly unwritten: no populating.
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `block` came from `System`, with this layout.
        unsafe { System.realloc(block, layout, new_size) }
    }
}

/// Asks the kernel to map the whole pages of `len` bytes from `block` now.
/// Best effort: a kernel without `MADV_POPULATE_WRITE` (before 5.14) says
/// no, and the pages fault in one by one as before.
#[cfg(target_os = "linux")]
fn populate(block: *mut u8, len: usize) {
    const PAGE: usize = 4096;
    let start = (block as usize).next_multiple_of(PAGE);
    let end = (block as usize + len) / PAGE * PAGE;
    if end > start {
        // SAFETY: the range lies within the block just allocated, and
        // populating pages does not change what they hold.
        unsafe {
            libc::madvise(
                start as *mut libc::c_void,
                end - start,
                libc::MADV_POPULATE_WRITE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn populate(_block: *mut u8, _len: usize) {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// Whether every whole page of `len` bytes from `at` is in memory.
    fn resident(at: *const u8, len: usize) -> bool {
        let start = (at as usize).next_multiple_of(4096);
        let end = (at as usize + len) / 4096 * 4096;
        let mut pages = vec![0u8; (end - start) / 4096];
        // SAFETY: the range is mapped (part of a live allocation) and
        // `pages` has one byte per page.
        let got =
            unsafe { libc::mincore(start as *mut libc::c_void, end - start, pages.as_mut_ptr()) };
        assert_eq!(got, 0, "mincore: {}", std::io::Error::last_os_error());
        pages.iter().all(|page| page & 1 == 1)
    }

    #[test]
    fn a_large_block_is_in_memory_before_it_is_touched() {
        let large = Layout::from_size_align(LARGE * 2, 8).unwrap();
        // SAFETY: a non-zero size; freed below with the same layout.
        let block = unsafe { Prefault.alloc(large) };
        assert!(!block.is_null());
        assert!(
            resident(block, large.size()),
            "a large block's pages were not brought in"
        );
        // SAFETY: allocated above with `large`.
        unsafe { Prefault.dealloc(block, large) };
    }

    #[test]
    fn blocks_keep_what_they_hold_through_a_realloc() {
        let layout = Layout::from_size_align(LARGE, 8).unwrap();
        // SAFETY: as above; every byte written lies within the block.
        unsafe {
            let block = Prefault.alloc(layout);
            for i in 0..LARGE {
                *block.add(i) = (i % 251) as u8;
            }
            let grown = Prefault.realloc(block, layout, LARGE * 3);
            assert!((0..LARGE).all(|i| *grown.add(i) == (i % 251) as u8));
            Prefault.dealloc(grown, Layout::from_size_align(LARGE * 3, 8).unwrap());
        }
    }
}
