// Owner of the tests' shared precompiled header (tests/CMakeLists.txt); compiles to nothing else.
