#include "pipeline/pipeline.h"

#include <utility>

#include "ingest/ingest.h"
#include "sections/sections.h"

namespace gwr::pipeline {

using extraction::Extraction;

Result<std::shared_ptr<const Resources>> Resources::load() {
  auto ingest = ingest::Lexicon::load();
  if (!ingest) return ingest.error();
  auto div = meta::Divisions::load();
  if (!div) return div.error();
  auto meta_lex = meta::Lexicon::load();
  if (!meta_lex) return meta_lex.error();
  auto sections = sections::Lexicon::load();
  if (!sections) return sections.error();
  auto grammar = quantity::Grammar::load();
  if (!grammar) return grammar.error();
  auto lex = facts::Lexicon::load();
  if (!lex) return lex.error();
  auto lists = facts::ListLexicon::load();
  if (!lists) return lists.error();
  return std::shared_ptr<const Resources>(
      new Resources{std::move(ingest).value(), std::move(div).value(), std::move(meta_lex).value(),
                    std::move(sections).value(), std::move(grammar).value(), std::move(lex).value(),
                    std::move(lists).value()});
}

Extraction extract_document(Document doc, const Resources& res) {
  meta::annotate(doc, res.divisions, res.meta);
  sections::annotate(doc, res.sections);
  Extraction x;
  x.targets = facts::extract_targets(doc, res.grammar, res.lexicon);
  // The body is scanned for quantities once: facts read the mentions, then they are listed.
  std::vector<quantity::Mention> mentions = res.grammar.scan(doc.text_of(doc.body));
  x.facts = facts::extract_facts(doc, mentions, res.lexicon, x.targets);
  x.livelihood = facts::extract_livelihood(doc, res.lists);
  x.glossary = facts::extract_glossary(doc, res.lists);
  x.slogans = facts::extract_slogans(doc, res.lists);
  for (quantity::Mention& m : mentions) {
    if (!m.quantity) continue;
    m.span = Span{m.span.begin + doc.body.begin, m.span.end + doc.body.begin};
    m.quantity->number =
        Span{m.quantity->number.begin + doc.body.begin, m.quantity->number.end + doc.body.begin};
    x.quantities.push_back(std::move(m));
  }
  if (!x.targets.passage) {
    doc.warn("no_targets_passage", "no plan-year main-targets passage was found");
  } else if (x.targets.gdp_status == facts::GdpTargetStatus::kNotFound) {
    doc.warn("gdp_target_not_found", "the targets passage names no GDP growth target");
  }
  x.doc = std::move(doc);
  return x;
}

namespace {
Result<std::vector<Extraction>> run_all(Result<std::vector<Document>> docs, const Resources& res) {
  if (!docs) return docs.error();
  std::vector<Extraction> out;
  out.reserve(docs->size());
  for (auto& d : docs.value()) out.push_back(extract_document(std::move(d), res));
  return out;
}
}  // namespace

Result<std::vector<Extraction>> extract_file(const std::filesystem::path& path,
                                             const Resources& res) {
  return run_all(ingest::read_file(path, res.ingest), res);
}

Result<std::vector<Extraction>> extract_bytes(std::string_view bytes, std::string_view name,
                                              const Resources& res) {
  return run_all(ingest::read_bytes(bytes, name, res.ingest), res);
}

}  // namespace gwr::pipeline
