// QueryContext accounting.
#include "function/query_context.h"

#include "common/error.h"
#include "common/memory_tracker.h"

namespace switchboard {

void QueryContext::AddBytesScanned(int64_t bytes) {
  int64_t total = bytes_scanned.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (max_bytes_scanned > 0 && total > max_bytes_scanned) {
    SB_THROW(kResourceLimit, "Query exceeded the limit of {} scanned (read {} so far)",
             FormatByteSize(max_bytes_scanned), FormatByteSize(total));
  }
}

void QueryContext::CheckCancelled() const {
  if (cancelled.load(std::memory_order_relaxed) || (interrupt && interrupt->load(std::memory_order_relaxed))) {
    SB_THROW(kQueryCanceled, "Query was canceled");
  }
}

}  // namespace switchboard
