// The query shapes of issue 17's table, as ClaimQL and as the SQL giving the
// same answer over the one-table SQLite file (side_by_side_data), and the
// shapes scale_bench times at every size.
#pragma once

#include <string>
#include <vector>

namespace claimgraph::bench {

struct Shape {
  std::string name, claimql, sql;
};

// The shapes of issue 17's table, on query_bench's entities and predicates:
// entity-0 is the biggest hub (Zipf), p0 the most common predicate.
inline std::vector<Shape> SideBySideShapes() {
  return {
      {"hub s p ?o, claims", "MATCH \"entity-0\" p0 ?o AS ?c RETURN ?c, ?o",
       "SELECT id, object FROM claims WHERE subject = 'entity-0' AND predicate = 'p0'"},
      {"?s p o, distinct", "MATCH ?s p0 \"entity-0\" RETURN DISTINCT ?s",
       "SELECT DISTINCT subject FROM claims WHERE predicate = 'p0' AND object = 'entity-0'"},
      // Fact patterns bind each (?x, ?y) once, however many claims back the two
      // facts; the SQL says DISTINCT for the same answer. It takes the first
      // hop's distinct ends before joining, as one who knows the data writes
      // it: joined claim to claim, the hub's hub-to-hub facts (hundreds of
      // claims each) multiply and SQLite takes ~23 s of CPU at 1M claims
      // (query_bench's Q3 joins that way).
      {"two hops from the hub", "MATCH \"entity-0\" p1 ?x, ?x p2 ?y RETURN ?x, ?y",
       "SELECT DISTINCT a.x, b.object FROM (SELECT DISTINCT object AS x FROM claims WHERE subject = 'entity-0' "
       "AND predicate = 'p1') a JOIN claims b ON b.subject = a.x AND b.predicate = 'p2'"},
      // COUNT(*) over fact bindings counts distinct (p, x).
      {"group by predicate of the hub", "MATCH \"entity-0\" ?p ?x RETURN ?p, COUNT(*) AS n GROUP BY ?p",
       "SELECT predicate, COUNT(*) FROM (SELECT DISTINCT predicate, object FROM claims WHERE subject = 'entity-0') "
       "GROUP BY predicate"},
      {"p+ closure", "MATCH \"entity-1\" p9+ ?x RETURN ?x",
       "WITH RECURSIVE r(n) AS (SELECT object FROM claims WHERE subject = 'entity-1' AND predicate = 'p9' UNION "
       "SELECT c.object FROM claims c JOIN r ON c.subject = r.n WHERE c.predicate = 'p9') SELECT n FROM r"},
      {"facts with >= 3 sources",
       "MATCH ?a p5 ?b AS ?c RETURN ?a, ?b, COUNT(DISTINCT ?c.source) AS n HAVING n >= 3",
       "SELECT subject, object, COUNT(DISTINCT source) AS n FROM claims WHERE predicate = 'p5' "
       "GROUP BY subject, object HAVING n >= 3"},
      {"every claim of one source", "MATCH ?s ?p ?o AS ?c FROM SOURCE \"doc-17\" RETURN ?c, ?s, ?p, ?o",
       "SELECT id, subject, predicate, object FROM claims WHERE source = 'doc-17'"},
  };
}

}  // namespace claimgraph::bench
