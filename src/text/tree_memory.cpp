#include "text/tree_memory.hpp"

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

// Blocks are kept by their usable size (malloc_usable_size), one list per size. Every size malloc gives
// here is a multiple of 4 (glibc: 8n + 8 natively, dlmalloc: 8n + 4 in WASM); a block of another size
// (AddressSanitizer's are the size asked for) is not kept.
constexpr std::size_t kSizeStep = 4;

struct FreeBlock {
  FreeBlock* next;
};

// One for the process: renders do not run in parallel (as for the tree budget's count).
struct Recycler {
  std::array<FreeBlock*, kLargestRecycledBlock / kSizeStep + 1> freeBlocks{};  // by usable size / kSizeStep
  // For each size cmark asks for, the least usable size malloc gave it (0 until it has been asked):
  // a kept block of that size serves the request.
  std::array<std::uint16_t, kLargestRecycledBlock + 1> usableSizeFor{};
  std::size_t recycledBytes = 0;
  std::size_t heldBytes = 0;  // by countedTreeMemory
};
Recycler recycler;

// A kept block is poisoned for AddressSanitizer, so a node used after cmark freed it is still caught;
// all but its link to the next kept block, which LeakSanitizer follows (it does not read poisoned memory).
void poison(void* block, std::size_t bytes) {
#ifdef BROADSHEET_ADDRESS_SANITIZER
  ASAN_POISON_MEMORY_REGION(static_cast<char*>(block) + sizeof(FreeBlock), bytes - sizeof(FreeBlock));
#else
  (void)block, (void)bytes;
#endif
}
void unpoison(void* block, std::size_t bytes) {
#ifdef BROADSHEET_ADDRESS_SANITIZER
  ASAN_UNPOISON_MEMORY_REGION(block, bytes);
#else
  (void)block, (void)bytes;
#endif
}

// A kept block for a request of `bytes`, or null; `usable` is its size.
void* reuse(std::size_t bytes, std::size_t& usable) {
  if (bytes > kLargestRecycledBlock) return nullptr;
  usable = recycler.usableSizeFor[bytes];
  FreeBlock*& first = recycler.freeBlocks[usable / kSizeStep];  // [0] stays empty
  FreeBlock* block = first;
  if (!block) return nullptr;
  unpoison(block, usable);
  first = block->next;
  recycler.recycledBytes -= usable;
  return block;
}

// A block malloc gave for a request of `bytes`: its usable size, remembered for the requests to come.
std::size_t madeBlock(void* block, std::size_t bytes) {
  if (!block) std::abort();  // cmark has no answer to a null pointer (its own allocator aborts too)
  const std::size_t usable = malloc_usable_size(block);
  if (bytes <= kLargestRecycledBlock && usable <= kLargestRecycledBlock && usable % kSizeStep == 0) {
    std::uint16_t& known = recycler.usableSizeFor[bytes];
    if (known == 0 || usable < known) known = static_cast<std::uint16_t>(usable);
  }
  return usable;
}

void keepOrFree(void* block, std::size_t usable) {
  if (usable > kLargestRecycledBlock || usable % kSizeStep != 0 || usable < sizeof(FreeBlock) ||
      recycler.recycledBytes + usable > kMostRecycledBytes) {
    std::free(block);
    return;
  }
  FreeBlock*& first = recycler.freeBlocks[usable / kSizeStep];
  static_cast<FreeBlock*>(block)->next = first;
  first = static_cast<FreeBlock*>(block);
  recycler.recycledBytes += usable;
  poison(block, usable);
}

template <bool kCounted>
void* allocate(std::size_t bytes, bool zeroed) {
  std::size_t usable = 0;
  void* block = reuse(bytes, usable);
  if (block) {
    if (zeroed) std::memset(block, 0, bytes);
  } else {
    block = zeroed ? std::calloc(1, bytes) : std::malloc(bytes);
    usable = madeBlock(block, bytes);
  }
  if constexpr (kCounted) recycler.heldBytes += usable;
  return block;
}

template <bool kCounted>
void* callocBlock(std::size_t count, std::size_t size) {
  std::size_t bytes = 0;
  if (__builtin_mul_overflow(count, size, &bytes)) std::abort();
  return allocate<kCounted>(bytes, true);
}

template <bool kCounted>
void* reallocBlock(void* block, std::size_t bytes) {
  if (!block) return allocate<kCounted>(bytes, false);
  if constexpr (kCounted) recycler.heldBytes -= malloc_usable_size(block);
  void* moved = std::realloc(block, bytes);
  if (!moved) std::abort();
  if constexpr (kCounted) recycler.heldBytes += malloc_usable_size(moved);
  return moved;
}

template <bool kCounted>
void freeBlock(void* block) {
  if (!block) return;
  const std::size_t usable = malloc_usable_size(block);
  if constexpr (kCounted) recycler.heldBytes -= usable;
  keepOrFree(block, usable);
}

cmark_mem plainMemory = {callocBlock<false>, reallocBlock<false>, freeBlock<false>};
cmark_mem countedMemory = {callocBlock<true>, reallocBlock<true>, freeBlock<true>};

}  // namespace

cmark_mem* treeMemory() { return &plainMemory; }
cmark_mem* countedTreeMemory() { return &countedMemory; }
std::size_t treeBytesHeld() { return recycler.heldBytes; }
std::size_t recycledBytes() { return recycler.recycledBytes; }

void releaseRecycledBlocks() {
  for (FreeBlock*& first : recycler.freeBlocks) {
    while (FreeBlock* block = first) {
      unpoison(block, malloc_usable_size(block));
      first = block->next;
      std::free(block);
    }
  }
  recycler.recycledBytes = 0;
}

}  // namespace broadsheet::text
