# Compiler settings shared by every NoLag Qt target.
#
# nolag_apply_settings(<target>) adds the house definitions and warnings to a target.
# The definitions keep Qt code honest: no implicit QString from char *, no bare
# signals/slots/emit keywords.

set(NOLAG_QT_DEFINITIONS
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    set(NOLAG_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
        -Wcast-qual -Woverloaded-virtual -Wimplicit-fallthrough)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # Qt's headers trip this one in 6.4 with GCC 12.
        list(APPEND NOLAG_WARNING_FLAGS -Wno-shadow=local)
    endif()
endif()

if(NOLAG_DEVELOPER_MODE)
    list(APPEND NOLAG_WARNING_FLAGS -Werror)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()

function(nolag_apply_settings target)
    target_compile_definitions(${target} PRIVATE ${NOLAG_QT_DEFINITIONS})
    target_compile_options(${target} PRIVATE ${NOLAG_WARNING_FLAGS})
endfunction()
