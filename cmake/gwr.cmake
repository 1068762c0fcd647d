# gwr_stage(NAME SOURCES ... DEPS ...): one library per pipeline stage, aliased gwr::NAME.
function(gwr_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(gwr_${name} STATIC ${ARG_SOURCES})
  add_library(gwr::${name} ALIAS gwr_${name})
  target_include_directories(gwr_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(gwr_${name} PUBLIC ${ARG_DEPS} PRIVATE gwr_flags)
endfunction()

# gwr_test(STAGE SOURCES ... DEPS ...): one GoogleTest binary per stage, tests discovered by CTest.
# Tests run with the repository root as working directory, GWR_SHARED pointing at ../shared and
# GWR_BIN at the built gwr (two properties: a ";" inside one ENVIRONMENT string would split it).
function(gwr_test stage)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${stage}_test ${ARG_SOURCES})
  target_link_libraries(${stage}_test PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main gwr_flags)
  target_include_directories(${stage}_test PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  gtest_discover_tests(${stage}_test
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "GWR_SHARED=${PROJECT_SOURCE_DIR}/../shared"
               ENVIRONMENT_MODIFICATION "GWR_BIN=set:$<TARGET_FILE:gwr>"
    DISCOVERY_TIMEOUT 60)
endfunction()
