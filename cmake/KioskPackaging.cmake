# Install layout and Debian packages (CPack DEB, one package per component):
#   stadt-fuer-alle                 kiosk, kioskctl, fonts.yaml, pictograms.yaml, systemd units, sysusers/tmpfiles,
#                                   example config, the starter files for a new city (kioskctl city new)
#   stadt-fuer-alle-locales         the UI catalogs (locales/*.yaml)
#   stadt-fuer-alle-content-aachen  the sample city's bundle with its compiled map
# Build: cmake --preset release && cmake --build --preset release && cpack --preset deb
include(GNUInstallDirs)
set(KIOSK_DATA_DEST ${CMAKE_INSTALL_DATADIR}/stadt-fuer-alle)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(FILES fonts/fonts.yaml fonts/pictograms.yaml DESTINATION ${KIOSK_DATA_DEST}/fonts COMPONENT kiosk)
install(FILES deploy/systemd/kiosk.service deploy/systemd/kiosk-sync.service deploy/systemd/kiosk-sync.timer
        DESTINATION lib/systemd/system COMPONENT kiosk)
install(FILES deploy/systemd/stadt-fuer-alle.sysusers.conf DESTINATION lib/sysusers.d RENAME stadt-fuer-alle.conf
        COMPONENT kiosk)
install(FILES deploy/systemd/stadt-fuer-alle.tmpfiles.conf DESTINATION lib/tmpfiles.d RENAME stadt-fuer-alle.conf
        COMPONENT kiosk)
install(FILES deploy/kiosk.yaml.example DESTINATION ${KIOSK_DATA_DEST} COMPONENT kiosk)
install(DIRECTORY locales/ DESTINATION ${KIOSK_DATA_DEST}/locales COMPONENT locales FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY content/starter/ DESTINATION ${KIOSK_DATA_DEST}/content/starter COMPONENT kiosk)
# The sample bundle as the kiosk reads it: YAML, licence and the compiled map (not the OSM extract it came from).
install(DIRECTORY content/aachen/ DESTINATION ${KIOSK_DATA_DEST}/content/aachen COMPONENT content
        PATTERN "*.osm.pbf" EXCLUDE)

set(CPACK_PACKAGE_NAME stadt-fuer-alle)
set(CPACK_PACKAGE_VENDOR "Stadt für alle")
set(CPACK_PACKAGE_CONTACT "Stadt für alle developers <kiosk@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Touchscreen kiosk: the city's services for everyone, in their language")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk locales content)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Library dependencies from dpkg-shlibdeps (the exact Debian packages the binaries link).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME stadt-fuer-alle)
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "fonts-noto-core, fonts-noto-color-emoji, fonts-material-design-icons-iconfont, espeak-ng-data, stadt-fuer-alle-locales (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cage, stadt-fuer-alle-content-aachen")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/deploy/debian/postinst)
set(CPACK_DEBIAN_LOCALES_PACKAGE_NAME stadt-fuer-alle-locales)
set(CPACK_DEBIAN_LOCALES_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_LOCALES_DESCRIPTION "UI catalogs of the Stadt für alle kiosk")
set(CPACK_DEBIAN_CONTENT_PACKAGE_NAME stadt-fuer-alle-content-aachen)
set(CPACK_DEBIAN_CONTENT_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_CONTENT_DESCRIPTION "Sample content bundle of the Stadt für alle kiosk: Aachen")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}")
set(CPACK_COMPONENT_LOCALES_DESCRIPTION "UI catalogs of the Stadt für alle kiosk")
set(CPACK_COMPONENT_CONTENT_DESCRIPTION "Sample content bundle of the Stadt für alle kiosk: Aachen, from OpenStreetMap")
include(CPack)
