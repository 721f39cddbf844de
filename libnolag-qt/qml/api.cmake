# REST types of the QML module "NoLag" (NoLagApi, its list models and replies), included by
# libnolag-qt/qml/CMakeLists.txt with include(api.cmake OPTIONAL); appends to
# NOLAGQTQML_API_SOURCES, which the module adds to its sources. The classes are compiled into
# libnolag-qt; the module only needs their QML registration, which is this one header.
set(NOLAGQML_API_DIR ${CMAKE_CURRENT_LIST_DIR}/../src/api)
list(APPEND NOLAGQTQML_API_SOURCES
    ${NOLAGQML_API_DIR}/nolagapiqmltypes_p.h
)

# The generated type registration includes the header by its file name, so the target that
# lists it needs its folder on the include path. This runs at the end of the including
# directory, so the order of include() and qt_add_qml_module() does not matter.
function(nolag_api_qml_include_directories)
    get_property(targets DIRECTORY PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
        get_target_property(sources ${target} SOURCES)
        if(sources MATCHES "nolagapiqmltypes_p\\.h")
            target_include_directories(${target} PRIVATE ${NOLAGQML_API_DIR})
        endif()
    endforeach()
endfunction()
cmake_language(DEFER CALL nolag_api_qml_include_directories)
