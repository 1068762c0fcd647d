// gwr/ingest/xml_walk.h — walking OOXML (pugixml) trees without recursion; shared by the .docx
// reader (ingest/docx.cpp) and eval's reference renderer (eval/docx_render.cpp).
//
//   xml::preorder(body, [&](const pugi::xml_node& c) -> pugi::xml_node {
//     if (xml::local(c.name()) == "p") { read(c); return {}; }  // skip the subtree
//     return c;                                                   // walk into c
//   });
//
// Invariants: nodes are visited in document order; nesting depth (a table in a cell of a table …,
// 20,000 deep in a hostile file) costs heap, never stack; only element nodes are visited.
#pragma once

#include <pugixml.hpp>
#include <string_view>
#include <vector>

namespace gwr::ingest::xml {

// The local part of a qualified name: "w:p" → "p".
inline std::string_view local(const char* qname) {
  const std::string_view n(qname);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// Visits the element descendants of `parent` in document order. `visit(c)` returns the node
// whose children are walked next (c itself, or one of its children) or a null node to skip c's
// subtree.
template <class Visit>
void preorder(const pugi::xml_node& parent, Visit&& visit) {
  std::vector<pugi::xml_node> next{parent.first_child()};
  while (!next.empty()) {
    const pugi::xml_node c = next.back();
    if (!c) {
      next.pop_back();
      continue;
    }
    next.back() = c.next_sibling();
    if (c.type() != pugi::node_element) continue;
    if (const pugi::xml_node inner = visit(c)) next.push_back(inner.first_child());
  }
}

}  // namespace gwr::ingest::xml
