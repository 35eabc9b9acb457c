# SPDX-License-Identifier: GPL-3.0-or-later
# ctest: the AppStream metainfo must list a release for the project version, so a version bump
# cannot ship without release notes. Run as cmake -DMETAINFO=... -DVERSION=... -P check-metainfo-release.cmake
file(READ "${METAINFO}" text)
string(FIND "${text}" "<release version=\"${VERSION}\"" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${METAINFO}: no <release version=\"${VERSION}\"> for the CMake project version ${VERSION}")
endif()
