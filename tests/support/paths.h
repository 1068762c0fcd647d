// Test-support helpers: where the shared corpus and gold live, reading files.
#pragma once

#include <filesystem>
#include <string>

namespace gwr::testing {

// ../shared beside the repository (GWR_SHARED overrides). Tests that need it skip with a
// message when it is absent; CI always has it.
std::filesystem::path shared_dir();
std::filesystem::path repo_dir();
std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& content);
// A fresh empty temporary folder for this test.
std::filesystem::path temp_dir(const std::string& name);

}  // namespace gwr::testing
