// Internal to storage/: the RocksDB merge operator of sp_postings and
// po_postings (format 5). Its operands are encoded PostingLists of upserts
// (posting_list.h); it folds them with FoldPostingUpdates.
#pragma once

#include <rocksdb/merge_operator.h>

#include <memory>

namespace claimgraph::storage {

// Installed on both posting-list families by every open, read-only too: a
// RocksDB read of a key with pending operands fails without it.
std::shared_ptr<rocksdb::MergeOperator> PostingListMergeOperator();

}  // namespace claimgraph::storage
