# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Herald developers
#
# herald_options: the one INTERFACE target every Herald target links. It carries the
# language level, the warnings and the Qt hygiene of CONVENTIONS.md: SIP and MSRP are
# bytes, so every QString <-> QByteArray conversion must be written out.
add_library(herald_options INTERFACE)
target_compile_features(herald_options INTERFACE cxx_std_20)
target_compile_options(herald_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor)
target_compile_definitions(herald_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    HERALD_VERSION="${PROJECT_VERSION}")

if(HERALD_SANITIZE)
    string(REPLACE ";" "," _san "${HERALD_SANITIZE}")
    target_compile_options(herald_options INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer)
    target_link_options(herald_options INTERFACE -fsanitize=${_san})
endif()

if(HERALD_FUZZ)
    # Everything is built with coverage instrumentation; fuzz executables add the driver.
    target_compile_options(herald_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(herald_options INTERFACE -fsanitize=address,undefined)
endif()

# herald_add_library(NAME SOURCES ... LIBS ...): one CMake library per layer.
function(herald_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC herald_options ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()
