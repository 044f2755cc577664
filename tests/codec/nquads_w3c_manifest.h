// The W3C RDF 1.1 N-Quads syntax test suite, case by case: the list mirrors the
// manifest at https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-n-quads/manifest.ttl
// (53 positive and 34 negative syntax tests, which include the N-Triples
// nt-syntax-* tests) in the manifest's order, each under its mf:name with '-'
// spelled '_'. The documents are written here from the tests' descriptions, not
// copied; where a W3C file is long (nt-syntax-subm-01) the case keeps what it
// exercises. Shared by the parser test (nquads_syntax_test.cc) and the importer
// test (nquads_import_test.cc), so both paths answer every case the same way.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

namespace claimgraph::codec::w3c {

using namespace std::string_view_literals;  // "..."sv keeps the NUL in literal_ascii_boundaries

struct SyntaxCase {
  const char* name;
  std::string_view document;  // whole file: lines end in '\n'
  // Negative cases: where the (first) error is, 1-based. Pinned so that a
  // refusal for the wrong reason, somewhere else in the line, shows.
  uint64_t line = 0;
  uint64_t column = 0;
};
// GoogleTest names a failing case by this rather than by its bytes.
inline void PrintTo(const SyntaxCase& c, std::ostream* os) { *os << c.name; }

inline constexpr SyntaxCase kPositive[] = {
    {"nq_syntax_uri_01", "<http://example/s> <http://example/p> <http://example/o> <http://example/g> .\n"sv},
    {"nq_syntax_uri_02", "_:s <http://example/p> <http://example/o> <http://example/g> .\n"sv},
    {"nq_syntax_uri_03", "<http://example/s> <http://example/p> _:o <http://example/g> .\n"sv},
    {"nq_syntax_uri_04", "<http://example/s> <http://example/p> \"o\" <http://example/g> .\n"sv},
    {"nq_syntax_uri_05", "<http://example/s> <http://example/p> \"o\"@en <http://example/g> .\n"sv},
    {"nq_syntax_uri_06",
     "<http://example/s> <http://example/p> \"o\"^^<http://www.w3.org/2001/XMLSchema#string> <http://example/g> .\n"sv},
    {"nq_syntax_bnode_01", "<http://example/s> <http://example/p> <http://example/o> _:g .\n"sv},
    {"nq_syntax_bnode_02", "_:s <http://example/p> <http://example/o> _:g .\n"sv},
    {"nq_syntax_bnode_03", "<http://example/s> <http://example/p> _:o _:g .\n"sv},
    {"nq_syntax_bnode_04", "<http://example/s> <http://example/p> \"o\" _:g .\n"sv},
    {"nq_syntax_bnode_05", "<http://example/s> <http://example/p> \"o\"@en _:g .\n"sv},
    {"nq_syntax_bnode_06", "<http://example/s> <http://example/p> \"o\"^^<http://www.w3.org/2001/XMLSchema#string> _:g .\n"sv},
    {"nt_syntax_file_01", ""sv},  // empty file
    {"nt_syntax_file_02", "#Only a comment.\n"sv},
    {"nt_syntax_file_03", "#A comment, then an empty line.\n\n"sv},
    {"nt_syntax_uri_01", "<http://example/s> <http://example/p> <http://example/o> .\n"sv},
    {"nt_syntax_uri_02", "# \\u0053 is 'S'\n<http://example/\\u0053> <http://example/p> <http://example/o> .\n"sv},
    {"nt_syntax_uri_03", "# \\U00000053 is 'S'\n<http://example/\\U00000053> <http://example/p> <http://example/o> .\n"sv},
    {"nt_syntax_uri_04",  // every character an IRIREF may hold unescaped, in one IRI
     "<http://example/s> <http://example/p> "
     "<scheme:!$%25&'()*+,-./0123456789:/@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~?#> .\n"sv},
    {"nt_syntax_string_01", "<http://example/s> <http://example/p> \"string\" .\n"sv},
    {"nt_syntax_string_02", "<http://example/s> <http://example/p> \"string\"@en .\n"sv},
    {"nt_syntax_string_03", "<http://example/s> <http://example/p> \"string\"@en-uk .\n"sv},
    {"nt_syntax_str_esc_01", "<http://example/s> <http://example/p> \"a\\n\" .\n"sv},
    {"nt_syntax_str_esc_02", "<http://example/s> <http://example/p> \"a\\u0020b\" .\n"sv},
    {"nt_syntax_str_esc_03", "<http://example/s> <http://example/p> \"a\\U00000020b\" .\n"sv},
    {"nt_syntax_bnode_01", "_:a  <http://example/p> <http://example/o> .\n"sv},
    {"nt_syntax_bnode_02", "<http://example/s> <http://example/p> _:a .\n_:a  <http://example/p> <http://example/o> .\n"sv},
    {"nt_syntax_bnode_03", "<http://example/s> <http://example/p> _:1a .\n_:1a  <http://example/p> <http://example/o> .\n"sv},
    {"nt_syntax_datatypes_01", "<http://example/s> <http://example/p> \"123\"^^<http://www.w3.org/2001/XMLSchema#byte> .\n"sv},
    {"nt_syntax_datatypes_02", "<http://example/s> <http://example/p> \"123\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"sv},
    // The original RDF test cases' test.nt: comments, blank and whitespace-only
    // lines, tabs, blank nodes, every ECHAR, no space before '.', UCHARs,
    // XMLLiteral-typed, language-tagged and typed literals.
    {"nt_syntax_subm_01",
     "#\n"
     "# comment lines\n"
     "  \t  \t   # a comment after whitespace\n"
     "\n"
     "         \t\n"
     "<http://example.org/resource1> <http://example.org/property> <http://example.org/resource2> .\n"
     "_:anon <http://example.org/property> <http://example.org/resource2> .\n"
     "<http://example.org/resource2> <http://example.org/property> _:anon .\n"
     " \t <http://example.org/resource3> \t <http://example.org/property>\t <http://example.org/resource2> \t.\t \n"
     "<http://example.org/resource4> <http://example.org/property> <http://example.org/resource2> .\r\n"
     "<http://example.org/resource7> <http://example.org/property> \"simple literal\" .\n"
     "<http://example.org/resource8> <http://example.org/property> \"backslash:\\\\\" .\n"
     "<http://example.org/resource9> <http://example.org/property> \"dquote:\\\"\" .\n"
     "<http://example.org/resource10> <http://example.org/property> \"newline:\\n\" .\n"
     "<http://example.org/resource11> <http://example.org/property> \"return\\r\" .\n"
     "<http://example.org/resource12> <http://example.org/property> \"tab:\\t\" .\n"
     "<http://example.org/resource13> <http://example.org/property> <http://example.org/resource2>.\n"
     "<http://example.org/resource14> <http://example.org/property> \"x\".\n"
     "<http://example.org/resource15> <http://example.org/property> _:anon.\n"
     "<http://example.org/resource16> <http://example.org/property> \"\\u00E9\" .\n"
     "<http://example.org/resource17> <http://example.org/property> \"\\u20AC\" .\n"
     "<http://example.org/resource21> <http://example.org/property> \"\"^^<http://www.w3.org/2000/01/rdf-schema#XMLLiteral> .\n"
     "<http://example.org/resource23> <http://example.org/property> \"\\\"\"^^<http://www.w3.org/2000/01/rdf-schema#XMLLiteral> .\n"
     "<http://example.org/resource26> <http://example.org/property> \"a\\n<b></b>\\nc\"^^<http://www.w3.org/2000/01/rdf-schema#XMLLiteral> .\n"
     "<http://example.org/resource30> <http://example.org/property> \"chat\"@fr .\n"
     "<http://example.org/resource32> <http://example.org/property> \"abc\"^^<http://example.org/datatype1> .\n"sv},
    {"comment_following_triple",
     "<http://example/s> <http://example/p> <http://example/o> . # comment\n"
     "<http://example/s> <http://example/p> _:o . # comment\n"
     "<http://example/s> <http://example/p> \"o\" . # comment\n"
     "<http://example/s> <http://example/p> \"o\"^^<http://example/dt> . # comment\n"
     "<http://example/s> <http://example/p> \"o\"@en . # comment\n"sv},
    // Raw NUL, TAB, VT, FF, SO, '&', '(', '[', ']' and DEL: only '"', '\', LF
    // and CR must be escaped in a STRING_LITERAL_QUOTE.
    {"literal_ascii_boundaries", "<http://a.example/s> <http://a.example/p> \"\x00\t\x0b\x0c\x0e&([]\x7f\" .\n"sv},
    // The first and last code point of each UTF-8 length and around the surrogates.
    {"literal_with_UTF8_boundaries",
     "<http://a.example/s> <http://a.example/p> \""
     "\xc2\x80\xdf\xbf\xe0\xa0\x80\xe0\xbf\xbf\xe1\x80\x80\xec\xbf\xbf\xed\x80\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbd"
     "\xf0\x90\x80\x80\xf0\xbf\xbf\xbd\xf1\x80\x80\x80\xf3\xbf\xbf\xbd\xf4\x80\x80\x80\xf4\x8f\xbf\xbd"
     "\" .\n"sv},
    {"literal_all_controls",
     "<http://a.example/s> <http://a.example/p> \""
     "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\t\\u000B\\u000C\\u000E\\u000F"
     "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F"
     "\" .\n"sv},
    {"literal_all_punctuation", "<http://a.example/s> <http://a.example/p> \" !\\\"#$%&():;<=>?@[]^_`{|}~\" .\n"sv},
    {"literal_with_squote", "<http://a.example/s> <http://a.example/p> \"x'y\" .\n"sv},
    {"literal_with_2_squotes", "<http://a.example/s> <http://a.example/p> \"x''y\" .\n"sv},
    {"literal", "<http://a.example/s> <http://a.example/p> \"x\" .\n"sv},
    {"literal_with_dquote", "<http://a.example/s> <http://a.example/p> \"x\\\"y\" .\n"sv},
    {"literal_with_2_dquotes", "<http://a.example/s> <http://a.example/p> \"x\\\"\\\"y\" .\n"sv},
    {"literal_with_REVERSE_SOLIDUS2", "<http://example.org/ns#s> <http://example.org/ns#p1> \"test-\\\\\" .\n"sv},
    {"literal_with_CHARACTER_TABULATION", "<http://a.example/s> <http://a.example/p> \"\\t\" .\n"sv},
    {"literal_with_BACKSPACE", "<http://a.example/s> <http://a.example/p> \"\\b\" .\n"sv},
    {"literal_with_LINE_FEED", "<http://a.example/s> <http://a.example/p> \"\\n\" .\n"sv},
    {"literal_with_CARRIAGE_RETURN", "<http://a.example/s> <http://a.example/p> \"\\r\" .\n"sv},
    {"literal_with_FORM_FEED", "<http://a.example/s> <http://a.example/p> \"\\f\" .\n"sv},
    {"literal_with_REVERSE_SOLIDUS", "<http://a.example/s> <http://a.example/p> \"\\\\\" .\n"sv},
    {"literal_with_numeric_escape4", "<http://a.example/s> <http://a.example/p> \"\\u006F\" .\n"sv},
    {"literal_with_numeric_escape8", "<http://a.example/s> <http://a.example/p> \"\\U0000006F\" .\n"sv},
    {"langtagged_string", "<http://a.example/s> <http://a.example/p> \"chat\"@en .\n"sv},
    {"lantag_with_subtag", "<http://example.org/ex#a> <http://example.org/ex#b> \"Cheers\"@en-UK .\n"sv},
    {"minimal_whitespace",
     "<http://example/s><http://example/p><http://example/o>.\n"
     "<http://example/s><http://example/p>\"Alice\".\n"
     "<http://example/s><http://example/p>_:o.\n"
     "_:s<http://example/p><http://example/o>.\n"
     "_:s<http://example/p>\"Alice\".\n"
     "_:s<http://example/p>_:bnode1.\n"sv},
};

inline constexpr SyntaxCase kNegative[] = {
    {"nq_syntax_bad_literal_01", "<http://example/s> <http://example/p> <http://example/o> \"o\" .\n"sv, 1, 58},
    {"nq_syntax_bad_literal_02", "<http://example/s> <http://example/p> <http://example/o> \"o\"@en .\n"sv, 1, 58},
    {"nq_syntax_bad_literal_03",
     "<http://example/s> <http://example/p> <http://example/o> \"o\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"sv, 1, 58},
    {"nq_syntax_bad_uri_01", "# relative graph IRI\n<http://example/s> <http://example/p> <http://example/o> <g>.\n"sv, 2, 58},
    {"nq_syntax_bad_quint_01",
     "# five terms\n<http://example/s> <http://example/p> <http://example/o> <http://example/g> <http://example/n> .\n"sv, 2, 77},
    {"nt_syntax_bad_uri_01", "# space\n<http://example/ space> <http://example/p> <http://example/o> .\n"sv, 2, 17},
    {"nt_syntax_bad_uri_02", "# bad \\u\n<http://example/\\u00ZZ11> <http://example/p> <http://example/o> .\n"sv, 2, 17},
    {"nt_syntax_bad_uri_03", "# bad \\U\n<http://example/\\U00ZZ1111> <http://example/p> <http://example/o> .\n"sv, 2, 17},
    {"nt_syntax_bad_uri_04", "# ECHAR in an IRI\n<http://example/\\n> <http://example/p> <http://example/o> .\n"sv, 2, 17},
    {"nt_syntax_bad_uri_05", "# ECHAR-like in an IRI\n<http://example/\\/> <http://example/p> <http://example/o> .\n"sv, 2, 17},
    {"nt_syntax_bad_uri_06", "# relative subject\n<s> <http://example/p> <http://example/o> .\n"sv, 2, 1},
    {"nt_syntax_bad_uri_07", "# relative predicate\n<http://example/s> <p> <http://example/o> .\n"sv, 2, 20},
    {"nt_syntax_bad_uri_08", "# relative object\n<http://example/s> <http://example/p> <o> .\n"sv, 2, 39},
    {"nt_syntax_bad_uri_09", "# relative datatype\n<http://example/s> <http://example/p> \"foo\"^^<dt> .\n"sv, 2, 46},
    {"nt_syntax_bad_prefix_01", "@prefix : <http://example/> .\n"sv, 1, 1},
    {"nt_syntax_bad_base_01", "@base <http://example/> .\n"sv, 1, 1},
    {"nt_syntax_bad_bnode_01", "_::a  <http://example/p> <http://example/o> .\n"sv, 1, 3},
    {"nt_syntax_bad_bnode_02", "_:abc:def  <http://example/p> <http://example/o> .\n"sv, 1, 6},
    {"nt_syntax_bad_struct_01", "<http://example/s> <http://example/p> <http://example/o>, <http://example/o2> .\n"sv, 1, 57},
    {"nt_syntax_bad_struct_02",
     "<http://example/s> <http://example/p> <http://example/o>; <http://example/p2>, <http://example/o2> .\n"sv, 1, 57},
    {"nt_syntax_bad_lang_01", "# language tag starts with a digit\n<http://example/s> <http://example/p> \"string\"@1 .\n"sv, 2, 48},
    {"nt_syntax_bad_esc_01", "# \\z\n<http://example/s> <http://example/p> \"a\\zb\" .\n"sv, 2, 41},
    {"nt_syntax_bad_esc_02", "# \\u with non-hex digits\n<http://example/s> <http://example/p> \"\\uWXYZ\" .\n"sv, 2, 40},
    {"nt_syntax_bad_esc_03", "# \\U with non-hex digits\n<http://example/s> <http://example/p> \"\\U0000WXYZ\" .\n"sv, 2, 40},
    {"nt_syntax_bad_string_01", "<http://example/s> <http://example/p> \"abc' .\n"sv, 1, 39},
    {"nt_syntax_bad_string_02", "<http://example/s> <http://example/p> 1.0 .\n"sv, 1, 39},
    {"nt_syntax_bad_string_03", "<http://example/s> <http://example/p> 1.0e1 .\n"sv, 1, 39},
    {"nt_syntax_bad_string_04", "<http://example/s> <http://example/p> '''abc''' .\n"sv, 1, 39},
    {"nt_syntax_bad_string_05", "<http://example/s> <http://example/p> \"\"\"abc\"\"\" .\n"sv, 1, 41},
    {"nt_syntax_bad_string_06", "<http://example/s> <http://example/p> \"abc .\n"sv, 1, 39},
    {"nt_syntax_bad_string_07", "<http://example/s> <http://example/p> abc\" .\n"sv, 1, 39},
    {"nt_syntax_bad_num_01", "<http://example/s> <http://example/p> 1 .\n"sv, 1, 39},
    {"nt_syntax_bad_num_02", "<http://example/s> <http://example/p> 1.0 .\n"sv, 1, 39},
    {"nt_syntax_bad_num_03", "<http://example/s> <http://example/p> 1.0e0 .\n"sv, 1, 39},
};

}  // namespace claimgraph::codec::w3c
