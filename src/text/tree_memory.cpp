#include "text/tree_memory.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <malloc.h>

#include <cmark.h>

#if defined(__SANITIZE_ADDRESS__)
#define BROADSHEET_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BROADSHEET_ADDRESS_SANITIZER 1
#endif
#endif
#ifdef BROADSHEET_ADDRESS_SANITIZER
#include <sanitizer/asan_interface.h>
#endif

namespace broadsheet::text {
namespace {

// Blocks are whole units of 8 bytes with their header, aligned to 8 (cmark's structs hold pointers
// and ints). The header is a pointer's size, so a node takes what malloc's chunk for it would: 88
// bytes in WASM (84 + 4), 128 natively (120 + 8).
constexpr std::size_t kUnit = 8;
constexpr std::size_t kHeaderBytes = sizeof(void*);
constexpr std::size_t kMostUnits = (kLargestArenaBlock + kHeaderBytes + kUnit - 1) / kUnit;

struct FreeBlock {
  FreeBlock* next;
};

// Free blocks and the region not yet used are poisoned for AddressSanitizer, so a block used after
// cmark freed it is still caught (all but a free block's link, and the headers).
#ifdef BROADSHEET_ADDRESS_SANITIZER
void poison(void* at, std::size_t bytes) { ASAN_POISON_MEMORY_REGION(at, bytes); }
void unpoison(void* at, std::size_t bytes) { ASAN_UNPOISON_MEMORY_REGION(at, bytes); }
#else
void poison(void*, std::size_t) {}
void unpoison(void*, std::size_t) {}
#endif

[[noreturn]] void outOfMemory() { std::abort(); }  // cmark has no answer to null (its own allocator aborts)

// A free block holds its link, so no block is smaller than a pointer.
std::size_t unitsFor(std::size_t bytes) {
  return (std::max(bytes, sizeof(FreeBlock)) + kHeaderBytes + kUnit - 1) / kUnit;
}

// One region for the process: renders do not run in parallel (as for the tree budget's count).
struct Arena {
  unsigned char* begin = nullptr;
  unsigned char* end = nullptr;
  unsigned char* unused = nullptr;                      // the next block starts here while the region lasts
  std::array<FreeBlock*, kMostUnits + 1> freeBlocks{};  // by units
  std::size_t inUse = 0;                                // blocks

  // At a render's end (releaseTreeRegion), the region goes back to malloc and is taken again when a
  // block is next asked for. Kept, it would sit where the first render put it while the next one's
  // large blocks look for room around it: the 1 MB seed article's linear memory grew by a step on its
  // second render. Given back, each render starts from what the first one found.
  void release() {
    unpoison(begin, kArenaBytes);
    std::free(begin);
    begin = end = unused = nullptr;
    freeBlocks.fill(nullptr);
  }

  // With no block in use within a render (a body given again frees the first one's trees), the region
  // is used from its start again. Given back and taken anew each time instead, 50,000 bodies took 80 s
  // under AddressSanitizer: each new region is fresh memory, poisoned whole.
  void reset() {
    poison(begin, static_cast<std::size_t>(unused - begin));
    unused = begin + kUnit;
    freeBlocks.fill(nullptr);
  }

  bool holds(const void* block) const {
    return static_cast<const unsigned char*>(block) >= begin && static_cast<const unsigned char*>(block) < end;
  }
  static std::uint32_t& unitsOf(void* block) {
    return *reinterpret_cast<std::uint32_t*>(static_cast<unsigned char*>(block) - kHeaderBytes);
  }
  static std::size_t bytesOf(void* block) { return unitsOf(block) * kUnit - kHeaderBytes; }

  // A block of `bytes` from the region, or null (too large, or the region is used up).
  void* take(std::size_t bytes) {
    if (bytes > kLargestArenaBlock) return nullptr;
    const std::size_t units = unitsFor(bytes);
    if (FreeBlock* block = freeBlocks[units]) {
      unpoison(block, units * kUnit - kHeaderBytes);
      freeBlocks[units] = block->next;
      ++inUse;
      return block;
    }
    if (!begin) {
      begin = static_cast<unsigned char*>(std::malloc(kArenaBytes));  // aligned for any type
      if (!begin) outOfMemory();
      end = begin + kArenaBytes;
      unused = begin + kUnit;  // the first block's header sits before it
      poison(begin, kArenaBytes);
    }
    if (static_cast<std::size_t>(end - unused) < units * kUnit) return nullptr;
    void* block = unused;
    unused += units * kUnit;
    unpoison(static_cast<unsigned char*>(block) - kHeaderBytes, units * kUnit);
    unitsOf(block) = static_cast<std::uint32_t>(units);
    ++inUse;
    return block;
  }

  void give(void* block) {
    if (--inUse == 0) {
      reset();
      return;
    }
    const std::size_t units = unitsOf(block);
    auto* freed = static_cast<FreeBlock*>(block);
    freed->next = freeBlocks[units];
    freeBlocks[units] = freed;
    poison(freed + 1, units * kUnit - kHeaderBytes - sizeof(FreeBlock));
  }
};
Arena arena;

void* checked(void* block) {
  if (!block) outOfMemory();
  return block;
}

void* arenaCalloc(std::size_t count, std::size_t size) {
  std::size_t bytes = 0;
  if (__builtin_mul_overflow(count, size, &bytes)) outOfMemory();
  if (void* block = arena.take(bytes)) return std::memset(block, 0, bytes);
  return checked(std::calloc(count, size));
}

void* arenaRealloc(void* block, std::size_t bytes) {
  if (!block) {
    if (void* made = arena.take(bytes)) return made;
    return checked(std::malloc(bytes));
  }
  if (!arena.holds(block)) return checked(std::realloc(block, bytes));
  const std::size_t held = Arena::bytesOf(block);
  if (bytes <= held) {
    unpoison(block, bytes);
    return block;
  }
  void* moved = arena.take(bytes);
  if (!moved) moved = checked(std::malloc(bytes));
  std::memcpy(moved, block, held);
  arena.give(block);
  return moved;
}

void arenaFree(void* block) {
  if (!block) return;
  if (arena.holds(block)) {
    arena.give(block);
  } else {
    std::free(block);
  }
}

// The counted allocator: malloc's blocks and sizes only (what TreeBudget's bounds were measured in).
std::size_t heldBytes = 0;

// The bytes a block holds for the count: malloc's size, or for a region block (a node the layout put
// in a counted tree) its size in the region.
std::size_t countedSize(void* block) { return arena.holds(block) ? Arena::bytesOf(block) : malloc_usable_size(block); }

void* counted(void* block) {
  heldBytes += malloc_usable_size(checked(block));
  return block;
}
void* countedCalloc(std::size_t count, std::size_t size) { return counted(std::calloc(count, size)); }
void* countedRealloc(void* block, std::size_t bytes) {
  if (!block) return counted(std::malloc(bytes));
  heldBytes -= countedSize(block);
  if (!arena.holds(block)) return counted(std::realloc(block, bytes));
  void* moved = counted(std::malloc(bytes));
  std::memcpy(moved, block, std::min(bytes, Arena::bytesOf(block)));
  arena.give(block);
  return moved;
}
void countedFree(void* block) {
  if (!block) return;
  heldBytes -= countedSize(block);
  arenaFree(block);
}

cmark_mem plainMemory = {arenaCalloc, arenaRealloc, arenaFree};
cmark_mem countedMemory = {countedCalloc, countedRealloc, countedFree};

}  // namespace

cmark_mem* treeMemory() { return &plainMemory; }
cmark_mem* countedTreeMemory() { return &countedMemory; }
std::size_t treeBytesHeld() { return heldBytes; }
void releaseTreeRegion() {
  if (arena.begin && arena.inUse == 0) arena.release();
}
std::size_t arenaBytesUsed() {
  return arena.begin ? static_cast<std::size_t>(arena.unused - arena.begin) - kUnit : 0;
}
bool arenaHeld() { return arena.begin != nullptr; }
std::size_t arenaBlocksInUse() { return arena.inUse; }
bool inArena(const void* block) { return arena.holds(block); }

}  // namespace broadsheet::text
