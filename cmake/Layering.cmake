# The link side of the layering in docs/architecture.md, checked when CMake
# configures: a CMakeLists that links a layer upward, or passes RocksDB or
# ANTLR on to its dependents, stops the configure naming the target.
#
# What this cannot do is stop an #include. RocksDB's, gRPC's and protobuf's
# headers are in /usr/include, on every compile line whatever is linked, and
# every library of ours exports the project root, so `#include <rocksdb/db.h>`
# or `#include "storage/rocks_internal.h"` compiles in engine/. The includes are
# checked by tools/check_layering.py instead (CTest layering_check).

# The target's INTERFACE_LINK_LIBRARIES may carry each dependency only as
# $<LINK_ONLY:dep> — how CMake records a PRIVATE dependency of a static
# library: linked into the executable, never on a dependent's compile line.
function(claimgraph_layering_private_only target)
  get_target_property(interface ${target} INTERFACE_LINK_LIBRARIES)
  foreach(dep IN LISTS ARGN)
    if(dep IN_LIST interface)
      message(FATAL_ERROR "Layering: ${target} links ${dep} PUBLIC or INTERFACE; it must be PRIVATE "
                          "(docs/architecture.md, cmake/Layering.cmake)")
    endif()
  endforeach()
endfunction()

# The target may not link any of these (PRIVATE or PUBLIC): an upward arrow.
function(claimgraph_layering_links_none target)
  get_target_property(links ${target} LINK_LIBRARIES)
  foreach(dep IN LISTS ARGN)
    if(dep IN_LIST links)
      message(FATAL_ERROR "Layering: ${target} may not link ${dep} (docs/architecture.md, cmake/Layering.cmake)")
    endif()
  endforeach()
endfunction()

# Nothing the target links, directly or through the libraries it links, may be
# one of these: what an executable ends up holding, not only what its
# CMakeLists names. ($<LINK_ONLY:x> counts as x; imported targets are followed
# through their INTERFACE_LINK_LIBRARIES.)
function(claimgraph_layering_reaches_none target)
  set(seen)
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue current)
    if(current IN_LIST seen OR NOT TARGET ${current})
      continue()
    endif()
    list(APPEND seen ${current})
    get_target_property(imported ${current} IMPORTED)
    if(imported)
      get_target_property(links ${current} INTERFACE_LINK_LIBRARIES)
    else()
      get_target_property(links ${current} LINK_LIBRARIES)
    endif()
    foreach(dep IN LISTS links)
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
      if(dep IN_LIST ARGN)
        message(FATAL_ERROR "Layering: ${target} links ${dep} (through ${current}); it may not "
                            "(docs/architecture.md, cmake/Layering.cmake)")
      endif()
      list(APPEND queue ${dep})
    endforeach()
  endwhile()
endfunction()

# Only the listed targets may link dep directly.
function(claimgraph_layering_only_linked_by dep)
  set(dirs ${PROJECT_SOURCE_DIR})
  while(dirs)
    list(POP_FRONT dirs dir)
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    list(APPEND dirs ${subdirs})
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      if(type STREQUAL "UTILITY")
        continue()
      endif()
      get_target_property(links ${target} LINK_LIBRARIES)
      if(dep IN_LIST links AND NOT target IN_LIST ARGN)
        list(JOIN ARGN ", " allowed)
        message(FATAL_ERROR "Layering: ${target} may not link ${dep}; only these may: ${allowed} "
                            "(docs/architecture.md, cmake/Layering.cmake)")
      endif()
    endforeach()
  endwhile()
endfunction()

# The libraries below the server export the project root and nothing else:
# not RocksDB's include directory, not ANTLR's or the generated parser's.
# (RocksDB's is /usr/include, on every compile line anyway: see the top.)
foreach(target claimgraph_base claimgraph_codec claimgraph_grammar claimgraph_storage claimgraph_engine)
  get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(NOT dirs STREQUAL PROJECT_SOURCE_DIR)
    message(FATAL_ERROR "Layering: ${target} exports include directories ${dirs}; only the project root "
                        "(cmake/Layering.cmake)")
  endif()
endforeach()

# Our libraries and what they must never hold, directly or not.
set(claimgraph_ours claimgraph_base claimgraph_codec claimgraph_grammar claimgraph_grammar_generated
    claimgraph_storage claimgraph_engine claimgraph_proto claimgraph_service claimgraph_server_offline)
set(claimgraph_heavy RocksDB::rocksdb antlr4_shared gRPC::grpc++ gRPC::grpc++_reflection protobuf::libprotobuf)

# base/ depends on nothing of ours.
set(others ${claimgraph_ours})
list(REMOVE_ITEM others claimgraph_base)
claimgraph_layering_reaches_none(claimgraph_base ${others} ${claimgraph_heavy})

# codec/ depends on base/ only of ours, and on no RocksDB, ANTLR or gRPC, so
# that the CLI can read and write every format; its JSON libraries stay PRIVATE.
set(others ${claimgraph_ours})
list(REMOVE_ITEM others claimgraph_base claimgraph_codec)
claimgraph_layering_reaches_none(claimgraph_codec ${others} ${claimgraph_heavy})
claimgraph_layering_private_only(claimgraph_codec simdjson::simdjson nlohmann_json::nlohmann_json)

# The claimgraph CLI is a gRPC client with the codecs: no engine, grammar or
# storage, and so no RocksDB and no ANTLR in the binary.
claimgraph_layering_reaches_none(claimgraph claimgraph_engine claimgraph_grammar claimgraph_grammar_generated
                                 claimgraph_storage claimgraph_service claimgraph_server_offline
                                 RocksDB::rocksdb antlr4_shared)

# grammar/ depends on nothing of ours (not base/, not codec/: the engine draws
# its diagnostics with codec::FormatDiagnostic); ANTLR stays inside it.
claimgraph_layering_private_only(claimgraph_grammar claimgraph_grammar_generated antlr4_shared)
set(others ${claimgraph_ours})
list(REMOVE_ITEM others claimgraph_grammar claimgraph_grammar_generated)
claimgraph_layering_reaches_none(claimgraph_grammar ${others})
claimgraph_layering_only_linked_by(claimgraph_grammar_generated claimgraph_grammar)
claimgraph_layering_only_linked_by(antlr4_shared claimgraph_grammar_generated)

# storage/ links RocksDB and OpenSSL PRIVATE, and nothing above it.
claimgraph_layering_private_only(claimgraph_storage RocksDB::rocksdb OpenSSL::Crypto)
claimgraph_layering_links_none(claimgraph_storage claimgraph_grammar claimgraph_codec claimgraph_engine claimgraph_proto
                               claimgraph_service claimgraph_server_offline)
# load_bench: plain RocksDB is the baseline the store is measured against.
claimgraph_layering_only_linked_by(RocksDB::rocksdb claimgraph_storage load_bench)

# engine/ links grammar and storage PRIVATE (the engine is the only door to the
# data: its API speaks engine and codec types), and nothing of the server's.
claimgraph_layering_private_only(claimgraph_engine claimgraph_grammar claimgraph_storage)
claimgraph_layering_links_none(claimgraph_engine claimgraph_proto claimgraph_service claimgraph_server_offline)

# HTTP stays in the server, as gRPC does: the service and its tests only.
claimgraph_layering_only_linked_by(PkgConfig::CPPHTTPLIB claimgraph_service server_e2e_tests)

# gRPC and protobuf: the server, the client tools and the server's tests
# (the cluster tests and benchmark are clients of claimgraphd too; the wire
# test compiles the server's row path in).
claimgraph_layering_only_linked_by(claimgraph_proto claimgraph_service claimgraph grpc_load server_e2e_tests
  server_wire_tests cluster_tests cluster_write_bench)
# NATS: the cluster module, inside the service library; and the cluster
# tests' probe (tests/cluster/nats_probe.h: a stream's leader, a message
# written by hand; tools/check_layering.py allows exactly that file).
claimgraph_layering_only_linked_by(PkgConfig::NATS claimgraph_service cluster_tests)
claimgraph_layering_only_linked_by(gRPC::grpc++ claimgraph_proto)
claimgraph_layering_only_linked_by(gRPC::grpc++_reflection claimgraph_service)
claimgraph_layering_only_linked_by(protobuf::libprotobuf claimgraph_proto)

# Nothing depends on the server.
claimgraph_layering_only_linked_by(claimgraph_service claimgraphd)
claimgraph_layering_only_linked_by(claimgraph_server_offline claimgraphd)
