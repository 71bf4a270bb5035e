// cmark's allocators for the text stage (cmark_mem: calloc, realloc, free). A parse makes and frees
// small blocks by the thousand: a node for each block and each piece of inline text, the pieces'
// bytes, delimiters, the parser's buffers; cmark joins adjacent text nodes (freeing all but the first)
// when it finishes, and a tree is freed node by node. treeMemory() serves blocks of up to
// kLargestArenaBlock bytes from a region of kArenaBytes taken from malloc: each block has its size
// class in a header before it (as malloc's do), a block freed goes on its class's list and is the next
// one given for that class, and the region is used from its start while no list has one. Larger
// blocks, and blocks once the region is used up, come from malloc. When none of its blocks is in use,
// the region is used from its start again; at a render's end (releaseTreeRegion) it goes back to
// malloc. In WASM this takes 8-13 % off a
// render of the 50 KB articles: dlmalloc's calls were most of cmark's cost there (docs/performance.md,
// "cmark's allocations, session 9").
//
// cmark frees a whole tree through its root's allocator, so a tree that holds a block of the region
// must have a root made here: the text stage makes its nodes with cmark_node_new_with_mem(type,
// treeMemory()), never with cmark_node_new (cmark's allocator would hand a region block to free()).
// These allocators free and resize blocks of malloc and of the region alike.
#pragma once

#include <cstddef>

struct cmark_mem;

namespace broadsheet::text {

// 1 MB in WASM: the 50 KB articles' trees need about a quarter of it; a larger region raised the linear
// memory of 400-700 KB articles, which do not fill it (measured).
inline constexpr std::size_t kArenaBytes = 256 * 1024 * sizeof(void*);
inline constexpr std::size_t kLargestArenaBlock = 512;

// The allocator for trees whose memory nobody counts: the region, then malloc.
cmark_mem* treeMemory();
// Only malloc, counting the bytes its blocks hold (malloc_usable_size) in treeBytesHeld(): a block
// it makes adds to the count, a block it frees or resizes (whichever allocator made it) takes off.
// For TreeBudget, whose measures are malloc's.
cmark_mem* countedTreeMemory();
std::size_t treeBytesHeld();
// Gives the region back to malloc when none of its blocks is in use: for the end of a render, once its
// trees are freed (src/render.cpp).
void releaseTreeRegion();

// For tests: how much of the region is used (from its start), how many of its blocks are in use,
// whether a block is in it, and whether the region is taken from malloc at all.
std::size_t arenaBytesUsed();
std::size_t arenaBlocksInUse();
bool inArena(const void* block);
bool arenaHeld();

}  // namespace broadsheet::text
