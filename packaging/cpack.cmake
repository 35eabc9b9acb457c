# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: a Debian package (and a tarball) of whatever the install() rules install; tests install nothing.
set(CPACK_PACKAGE_NAME gapwise)
set(CPACK_PACKAGE_VENDOR "The Gapwise developers")
# No project mail address exists yet: a packager sets theirs (-DGAPWISE_PACKAGE_MAINTAINER="Name <mail>").
set(GAPWISE_PACKAGE_MAINTAINER "The Gapwise developers"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${GAPWISE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_GENERATOR DEB TGZ)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The runtime libraries (Qt 6, QCustomPlot, md4c, libxml2, libstdc++) come from dpkg-shlibdeps on the binary, so the
# Depends line follows what is really linked; dpkg-dev provides it at packaging time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The run history store opens SQLite through a Qt plugin, which no shared library links: name it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS libqt6sql6-sqlite)
# Without a display server plugin of its own Qt 6 falls back to XWayland; qt6-wayland makes it native.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-wayland)
# A team's shared history store on PostgreSQL needs Qt's PostgreSQL plugin (README "A team's store").
set(CPACK_DEBIAN_PACKAGE_SUGGESTS libqt6sql6-psql)
# The long description; CPack puts the summary line first and indents these lines for the control file.
set(CPACK_PACKAGE_DESCRIPTION "Gapwise opens test reports (Markdown test reports, JUnit XML, pytest logs) and
shows their phases, their gaps - groups of failing tests that share a root
cause - and the failing tests in a tree beside linked charts. Engineers move
tests between gaps and export a remediation plan.

The command line 'gapwise inspect FILE' prints what Gapwise reads from a
report without a display.")

include(CPack)
