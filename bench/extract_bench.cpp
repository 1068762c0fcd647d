// gwr_bench — extraction throughput on the shared corpus, with a baseline from the same run.
//
//   ./build/bench/gwr_bench --benchmark_min_time=1
//
// Input: every file of ../shared/corpus (GWR_SHARED overrides ../shared), read at run time. The
// scale argument N puts N varied copies of each file back to back (see vary()) and feeds the
// result as one input, so N=8 shows whether cost grows faster than the input (splitting,
// section search); the `reports` counter shows the copies were read as separate reports.
//   Extract/N   pipeline::extract_bytes (ingest → meta → sections → facts) on each input
//   Baseline/N  text::decode + text::normalize only, on the same bytes
// Both report bytes/second over the raw input bytes, so Extract/Baseline is a ratio of rates
// measured on one machine in one run. Without the corpus every benchmark is skipped with a
// message (the binary still exits 0).
//
// With GWR_BENCH_INPUTS=DIR (bench/speed.py sets it), each entry E of DIR also gets two
// benchmarks; a file is one input, a folder is all the files under it, each fed on its own:
//   Input/Extract/E   pipeline::extract_bytes on each file (counters: MB, reports)
//   Input/Decode/E    text::decode + text::normalize on each file (.docx and .pdf left out)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "text/text.h"

namespace {

namespace fs = std::filesystem;

struct Input {
  std::string name;
  std::string bytes;
};

fs::path corpus_dir() {
  if (const char* s = std::getenv("GWR_SHARED"); s != nullptr && *s != '\0')
    return fs::path(s) / "corpus";
  return fs::path("..") / "shared" / "corpus";
}

// Copy `i` of a file: copy 0 as is; in later copies every digit after a decimal point moves by
// i (6.5 → 6.6 in copy 1), so the copies are different reports, not one page scraped several
// times (which ingest collapses into one). Only ASCII digits change, and no GBK/Big5/UTF-8
// multi-byte sequence contains one, so every encoding stays valid; years and dates have no
// decimal point and stay as they are.
std::string vary(const std::string& one, int i) {
  std::string out = one;
  if (i == 0) return out;
  for (std::size_t k = 2; k < out.size(); ++k) {
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (is_digit(out[k]) && out[k - 1] == '.' && is_digit(out[k - 2])) {
      out[k] = static_cast<char>('0' + (out[k] - '0' + i) % 10);
    }
  }
  return out;
}

// The corpus files, each repeated `times` times; empty when the corpus is missing.
std::vector<Input> load_corpus(int times) {
  std::vector<Input> out;
  std::error_code ec;
  if (!fs::is_directory(corpus_dir(), ec)) return out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus_dir(), ec)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    const std::string one((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string bytes;
    bytes.reserve(one.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i) {
      bytes += vary(one, i);
      if (!one.empty() && one.back() != '\n') bytes += '\n';
    }
    out.push_back(Input{p.filename().string(), std::move(bytes)});
  }
  return out;
}

std::int64_t total_bytes(const std::vector<Input>& inputs) {
  std::size_t n = 0;
  for (const auto& i : inputs) n += i.bytes.size();
  return static_cast<std::int64_t>(n);
}

void BM_Extract(benchmark::State& state) {
  const std::vector<Input> inputs = load_corpus(static_cast<int>(state.range(0)));
  if (inputs.empty()) {
    state.SkipWithError(("no corpus at " + corpus_dir().string()).c_str());
    return;
  }
  auto res = gwr::pipeline::Resources::load();
  if (!res) {
    state.SkipWithError(res.error().describe().c_str());
    return;
  }
  std::size_t reports = 0;
  for (auto _ : state) {
    reports = 0;
    for (const Input& in : inputs) {
      auto r = gwr::pipeline::extract_bytes(in.bytes, in.name, **res);
      if (!r) {
        state.SkipWithError(r.error().describe().c_str());
        return;
      }
      reports += r->size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(inputs));
  state.counters["reports"] = static_cast<double>(reports);
  state.counters["MB"] = static_cast<double>(total_bytes(inputs)) / 1e6;
}

void BM_Baseline(benchmark::State& state) {
  const std::vector<Input> inputs = load_corpus(static_cast<int>(state.range(0)));
  if (inputs.empty()) {
    state.SkipWithError(("no corpus at " + corpus_dir().string()).c_str());
    return;
  }
  const auto lex = gwr::text::Lexicon::load();
  if (!lex) {
    state.SkipWithError(lex.error().describe().c_str());
    return;
  }
  std::vector<gwr::Warning> warnings;
  for (auto _ : state) {
    for (const Input& in : inputs) {
      warnings.clear();
      auto d = gwr::text::decode(in.bytes, "", warnings);
      if (!d) {
        state.SkipWithError(d.error().describe().c_str());
        return;
      }
      gwr::text::Normalized n = gwr::text::normalize(d->text.text, *lex, warnings);
      benchmark::DoNotOptimize(n);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(inputs));
  state.counters["MB"] = static_cast<double>(total_bytes(inputs)) / 1e6;
}

BENCHMARK(BM_Baseline)->Name("Baseline")->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Name("Extract")->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);

// The files of one entry of GWR_BENCH_INPUTS: the entry itself, or every file under a folder.
std::vector<Input> load_entry(const fs::path& entry) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(entry, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(entry, ec)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
  } else {
    files.push_back(entry);
  }
  std::sort(files.begin(), files.end());
  std::vector<Input> out;
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    out.push_back(Input{p.filename().string(), std::string((std::istreambuf_iterator<char>(in)),
                                                           std::istreambuf_iterator<char>())});
  }
  return out;
}

bool has_text_layer(const Input& in) {
  const auto ext = fs::path(in.name).extension().string();
  return ext != ".docx" && ext != ".pdf";
}

void extract_inputs(benchmark::State& state, const std::shared_ptr<std::vector<Input>>& inputs) {
  auto res = gwr::pipeline::Resources::load();
  if (!res) {
    state.SkipWithError(res.error().describe().c_str());
    return;
  }
  std::size_t reports = 0;
  for (auto _ : state) {
    reports = 0;
    for (const Input& in : *inputs) {
      auto r = gwr::pipeline::extract_bytes(in.bytes, in.name, **res);
      if (r) reports += r->size();  // a file that is not a report counts no report
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(*inputs));
  state.counters["reports"] = static_cast<double>(reports);
  state.counters["MB"] = static_cast<double>(total_bytes(*inputs)) / 1e6;
}

void decode_inputs(benchmark::State& state, const std::shared_ptr<std::vector<Input>>& inputs) {
  const auto lex = gwr::text::Lexicon::load();
  if (!lex) {
    state.SkipWithError(lex.error().describe().c_str());
    return;
  }
  std::vector<gwr::Warning> warnings;
  for (auto _ : state) {
    for (const Input& in : *inputs) {
      warnings.clear();
      auto d = gwr::text::decode(in.bytes, "", warnings);
      if (!d) continue;  // undecodable input costs what it cost to find out
      gwr::text::Normalized n = gwr::text::normalize(d->text.text, *lex, warnings);
      benchmark::DoNotOptimize(n);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(*inputs));
  state.counters["MB"] = static_cast<double>(total_bytes(*inputs)) / 1e6;
}

void register_inputs() {
  const char* dir = std::getenv("GWR_BENCH_INPUTS");
  if (dir == nullptr || *dir == '\0') return;
  std::error_code ec;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    auto all = std::make_shared<std::vector<Input>>(load_entry(entry));
    auto text = std::make_shared<std::vector<Input>>();
    std::copy_if(all->begin(), all->end(), std::back_inserter(*text), has_text_layer);
    const std::string name = entry.filename().string();
    benchmark::RegisterBenchmark(("Input/Extract/" + name).c_str(), extract_inputs, all)
        ->Unit(benchmark::kMillisecond);
    if (!text->empty()) {
      benchmark::RegisterBenchmark(("Input/Decode/" + name).c_str(), decode_inputs, text)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_inputs();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
