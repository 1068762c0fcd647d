// The ordered writer of an ingest (src/store/ingest_job.cpp): results written in job order even
// when workers finish out of order, a failed job recorded as failed without stopping the run, a
// fatal job rolling back its open batch, and resume telling a re-run which inputs are stored.
// The reports are invented (tests/store/fixtures.h).
#include "store/ingest_job.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "store/fixtures.h"
#include "support/paths.h"

namespace gwr::store {
namespace {

using testing::extract;
using testing::report_text;

// One invented report per job, each with its own city so the bodies differ.
std::vector<extraction::ReportRows> rows_for(std::size_t k) {
  static const char* const kCities[] = {"甲城市", "乙城市", "丙城市", "丁城市", "戊城市", "己城市"};
  const std::string city = kCities[k % 6];
  std::vector<extraction::ReportRows> out;
  for (const auto& x :
       extract(report_text(city, 2021 + static_cast<int>(k), {"过去一年,本市各项事业稳步推进。"},
                           {"今年的预期目标是:地区生产总值增长5.5%左右。"}),
               city + ".txt"))
    out.push_back(extraction::rows_of(x));
  return out;
}

std::vector<IngestJob> jobs_of(std::size_t n) {
  std::vector<IngestJob> jobs;
  for (std::size_t k = 0; k < n; ++k)
    jobs.push_back({"job" + std::to_string(k) + ".txt", 100 + static_cast<std::int64_t>(k), 100});
  return jobs;
}

std::vector<std::string> stored_paths(const Store& st) {
  std::vector<std::string> out;
  auto t = query(st.reader(), "SELECT path || ':' || status FROM ingest_files ORDER BY rowid");
  EXPECT_TRUE(t.ok());
  if (t)
    for (const auto& r : t->rows) out.push_back(std::get<std::string>(r[0]));
  return out;
}

TEST(IngestJob, WritesInJobOrderWhateverOrderWorkersFinish) {
  auto opened = Store::open(testing::temp_dir("ingest_job_order") / "c.db");
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  Store st = std::move(opened).value();
  const auto jobs = jobs_of(6);
  std::vector<std::size_t> seen_progress;
  IngestSettings settings{3, 2, [&](std::size_t done, std::size_t, std::uint64_t, bool final) {
                            if (!final) seen_progress.push_back(done);
                          }};
  const IngestTotals t = write_in_order(st, jobs, settings, [&](std::size_t k) {
    // The early jobs finish last.
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * (6 - static_cast<int>(k))));
    IngestDone d;
    if (k == 3) {
      d.result = make_error(ErrorCode::kUnsupportedFormat, "not a report file", jobs[k].path);
    } else {
      d.result = rows_for(k);
    }
    return d;
  });
  EXPECT_FALSE(t.fatal);
  EXPECT_EQ(t.jobs_done, 6u);
  EXPECT_EQ(t.reports, 5u);
  ASSERT_EQ(t.failures.size(), 1u);
  EXPECT_NE(t.failures[0].find("job3.txt"), std::string::npos) << t.failures[0];
  EXPECT_EQ(t.worst, exit_code_for(ErrorCode::kUnsupportedFormat));
  EXPECT_EQ(stored_paths(st), (std::vector<std::string>{"job0.txt:ingested", "job1.txt:ingested",
                                                        "job2.txt:ingested", "job3.txt:failed",
                                                        "job4.txt:ingested", "job5.txt:ingested"}));
  EXPECT_EQ(seen_progress, (std::vector<std::size_t>{1, 2, 3, 4, 5, 6}));
  // Reports were stored in job order too: their ids follow the jobs.
  auto years = query(st.reader(), "SELECT plan_year FROM reports ORDER BY report_id");
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->rows.size(), 5u);
  EXPECT_EQ(std::get<std::int64_t>(years->rows[0][0]), 2021);
  EXPECT_EQ(std::get<std::int64_t>(years->rows[3][0]), 2025);
}

TEST(IngestJob, AFatalJobRollsBackItsBatchAndStopsTheRun) {
  auto opened = Store::open(testing::temp_dir("ingest_job_fatal") / "c.db");
  ASSERT_TRUE(opened.ok());
  Store st = std::move(opened).value();
  const auto jobs = jobs_of(5);
  std::atomic<int> produced{0};
  // Batches of two jobs: 0-1 committed, 2 in the open batch when job 3 is fatal.
  const IngestTotals t = write_in_order(st, jobs, {1, 2, {}}, [&](std::size_t k) {
    ++produced;
    IngestDone d;
    if (k == 3) {
      d.fatal = Error{ErrorCode::kUnreadable, "the input changed during the ingest", jobs[k].path};
    } else {
      d.result = rows_for(k);
    }
    return d;
  });
  ASSERT_TRUE(t.fatal);
  EXPECT_EQ(t.fatal->where, "job3.txt");
  EXPECT_EQ(t.reports, 2u);
  EXPECT_EQ(stored_paths(st), (std::vector<std::string>{"job0.txt:ingested", "job1.txt:ingested"}));
  auto n = query(st.reader(), "SELECT count(*) FROM reports");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::get<std::int64_t>(n->rows[0][0]), 2);
  EXPECT_LE(produced.load(), 5);
}

TEST(IngestJob, ResumeSkipsStoredFilesOfTheSameSizeButRetriesFailures) {
  auto opened = Store::open(testing::temp_dir("ingest_job_resume") / "c.db");
  ASSERT_TRUE(opened.ok());
  Store st = std::move(opened).value();
  const auto jobs = jobs_of(2);
  (void)write_in_order(st, jobs, {1, 64, {}}, [&](std::size_t k) {
    IngestDone d;
    if (k == 1) {
      d.result = make_error(ErrorCode::kBadEncoding, "no encoding fits", jobs[k].path);
    } else {
      d.result = rows_for(k);
    }
    return d;
  });
  const RecordedFiles seen = recorded_files(st);
  EXPECT_TRUE(unchanged(seen, "job0.txt", 100));
  EXPECT_FALSE(unchanged(seen, "job0.txt", 101));  // the file grew: extract it again
  EXPECT_FALSE(unchanged(seen, "job1.txt", 101));  // it failed: try again
  EXPECT_FALSE(unchanged(seen, "job9.txt", 100));  // never seen
}

}  // namespace
}  // namespace gwr::store
