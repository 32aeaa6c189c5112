// The one source of usine_test_pch: CMake builds the precompiled Catch2 header with it
// (see tests/CMakeLists.txt); nothing else is compiled here.
