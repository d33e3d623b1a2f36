/* fuzz-target.h: what a fuzz target provides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang and -Dfuzzing=true, a target links libFuzzer, which
 * calls it with inputs it grows from the corpus. Otherwise it links
 * fuzz-main.c, a small driver that replays the corpus and a fixed number
 * of mutations of it, so that every test run checks the known inputs.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
