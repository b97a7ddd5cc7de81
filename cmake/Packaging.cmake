# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Herald developers
#
# Install rules and the Debian package (`make package`, i.e. the `package` target; CPack DEB).
# Included last from the top-level CMakeLists, once every target exists. Pieces that may not
# exist yet (the console, icons, desktop file, translations) are installed when present, so a
# missing one never breaks the build:
#   - herald (the console) when its target exists (HERALD_BUILD_GUI);
#   - resources/icons/*.svg as hicolor scalable app icons, resources/*.desktop;
#   - translations: .qm files a target lists in the global property HERALD_QM_FILES
#     (set_property(GLOBAL APPEND PROPERTY HERALD_QM_FILES ${qm_files})); .qm files that
#     qt_add_translations embeds under :/i18n travel inside the executable instead.
include(GNUInstallDirs)

install(TARGETS heraldd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET herald)
    install(TARGETS herald RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(HERALD_RESOURCES_DIR ${PROJECT_SOURCE_DIR}/resources)
# Debian 12 keeps units in /lib/systemd/system, the same directory as /usr/lib/... (merged /usr).
install(FILES ${HERALD_RESOURCES_DIR}/heraldd.service
        DESTINATION lib/systemd/system)
# The sample config is the installed config: every line but store/path commented out.
install(FILES ${HERALD_RESOURCES_DIR}/heraldd.ini DESTINATION /etc/herald)

file(GLOB HERALD_ICONS CONFIGURE_DEPENDS ${HERALD_RESOURCES_DIR}/icons/*.svg)
if(HERALD_ICONS)
    install(FILES ${HERALD_ICONS}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()
file(GLOB HERALD_DESKTOP_FILES CONFIGURE_DEPENDS ${HERALD_RESOURCES_DIR}/*.desktop)
if(HERALD_DESKTOP_FILES)
    install(FILES ${HERALD_DESKTOP_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
endif()
get_property(HERALD_QM_FILES GLOBAL PROPERTY HERALD_QM_FILES)
if(HERALD_QM_FILES)
    install(FILES ${HERALD_QM_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/herald/translations)
endif()

# Maintainer scripts and conffiles: the config survives upgrades and removal (not purge).
set(HERALD_DEBIAN_DIR ${CMAKE_BINARY_DIR}/debian)
file(WRITE ${HERALD_DEBIAN_DIR}/conffiles "/etc/herald/heraldd.ini\n")
file(WRITE ${HERALD_DEBIAN_DIR}/postinst
     "#!/bin/sh\nset -e\n"
     "if [ \"$1\" = configure ] && [ -d /run/systemd/system ]; then\n"
     "  systemctl daemon-reload >/dev/null 2>&1 || true\n"
     "fi\n")
file(WRITE ${HERALD_DEBIAN_DIR}/prerm
     "#!/bin/sh\nset -e\n"
     "if [ \"$1\" = remove ] && [ -d /run/systemd/system ]; then\n"
     "  systemctl stop heraldd.service >/dev/null 2>&1 || true\n"
     "fi\n")
file(CHMOD ${HERALD_DEBIAN_DIR}/postinst ${HERALD_DEBIAN_DIR}/prerm
     PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                 WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME herald)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Herald developers <herald@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Herald speaks MSRP (RFC 4975) over SIP for emergency text calls: heraldd, the headless\n"
    "server with a systemd unit, and herald, the operator console.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_LICENSE GPL-3.0-or-later)
# Dependencies from the binaries' NEEDED entries (dpkg-shlibdeps), plus the SQLite driver Qt
# loads as a plugin (not a NEEDED entry).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${HERALD_DEBIAN_DIR}/conffiles ${HERALD_DEBIAN_DIR}/postinst ${HERALD_DEBIAN_DIR}/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debug info stays in the build tree; a stripped package builds and installs in seconds.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
# `make package` writes build/packages/; `cpack -B DIR` (tst_package) writes DIR.
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
include(CPack)
