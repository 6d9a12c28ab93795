// Empty: the target proctor_test_pch exists to build the test executables' precompiled header
// (tests/CMakeLists.txt, PROCTOR_TEST_PCH).
