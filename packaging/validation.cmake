# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the desktop integration files with the freedesktop validators when they are installed
# (desktop-file-utils, appstream, libxml2-utils); without them these tests are not added.
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
find_program(XMLLINT xmllint)
if(DESKTOP_FILE_VALIDATE)
    add_test(NAME packaging_desktop_file COMMAND ${DESKTOP_FILE_VALIDATE} ${CMAKE_CURRENT_SOURCE_DIR}/gapwise.desktop)
endif()
if(APPSTREAMCLI)
    add_test(NAME packaging_appstream
             COMMAND ${APPSTREAMCLI} validate --no-net ${CMAKE_CURRENT_SOURCE_DIR}/gapwise.metainfo.xml)
endif()
if(XMLLINT)
    add_test(NAME packaging_mime_xml COMMAND ${XMLLINT} --noout ${CMAKE_CURRENT_SOURCE_DIR}/gapwise-mime.xml)
endif()
add_test(NAME packaging_metainfo_release
         COMMAND ${CMAKE_COMMAND} -DMETAINFO=${CMAKE_CURRENT_SOURCE_DIR}/gapwise.metainfo.xml
                 -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_SOURCE_DIR}/check-metainfo-release.cmake)
