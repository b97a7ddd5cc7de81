// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Replays a fuzz corpus as an ordinary test: every file in every directory named on the
// command line goes through LLVMFuzzerTestOneInput once. A crash, an assertion or a
// sanitizer report fails the test; a missing directory is an error, an empty one is not
// a pass: at least one input must run.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    std::size_t ran = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path dir(argv[i]);
        if (!fs::is_directory(dir)) {
            std::fprintf(stderr, "corpus directory %s is missing\n", argv[i]);
            return 2;
        }
        for (const auto &entry : fs::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file())
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
            ++ran;
        }
    }
    std::printf("replayed %zu inputs\n", ran);
    return ran > 0 ? 0 : 1;
}
