// cmark's allocator for the text stage (a cmark_mem: calloc, realloc, free). A parse makes and frees
// small blocks by the thousand: a node for each block and each piece of inline text, the pieces' bytes,
// delimiters and brackets, and cmark joins adjacent text nodes (freeing all but the first) when it
// finishes. Small blocks that are freed are kept, by the size malloc gave them, for the next request
// that malloc would have given a block of that size, so most of them skip malloc and free (10-13 % of a
// render in WASM). Every block is still malloc's, so trees may mix nodes made by this allocator and by
// cmark's own (cmark_node_new), and either may free or resize the other's: cmark frees a whole tree
// through its root's allocator. At most kMostRecycledBytes are kept; the rest go back to malloc.
#pragma once

#include <cstddef>

struct cmark_mem;

namespace broadsheet::text {

inline constexpr std::size_t kLargestRecycledBlock = 256;     // bytes malloc gave a block
inline constexpr std::size_t kMostRecycledBytes = 16 * 1024;  // held for reuse at any time

// The allocator for trees whose memory nobody counts.
cmark_mem* treeMemory();
// The same, also counting the bytes its blocks hold (malloc's sizes) in treeBytesHeld(): a block it
// makes adds to the count, a block it frees or resizes (whoever made it) takes off. For TreeBudget.
cmark_mem* countedTreeMemory();
std::size_t treeBytesHeld();

// What is held for reuse now, and giving all of it back to malloc (for tests).
std::size_t recycledBytes();
void releaseRecycledBlocks();

}  // namespace broadsheet::text
