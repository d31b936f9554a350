# office_word_set_warnings(<target>)
#
# Applies the project's warning baseline to a target. The list is kept
# deliberately short: every flag here has caught a real bug in this code
# base at least once, and noisy flags get disabled locally instead of
# sprinkled with pragmas.

function(office_word_set_warnings target)
    set(gcc_like_warnings
        -Wall
        -Wextra
        -Wpedantic
        -Wshadow
        -Wconversion
        -Wno-sign-conversion   # size_t/ptrdiff_t mixing in container code is pervasive and checked
        -Wold-style-cast
        -Wnon-virtual-dtor
        -Woverloaded-virtual
        -Wnull-dereference
        -Wimplicit-fallthrough
    )

    set(msvc_warnings
        /W4
        /permissive-
        /w14242   # conversion, possible loss of data
        /w14265   # class has virtual functions but non-virtual destructor
        /w14555   # expression has no effect
        /w14826   # conversion is sign-extended
        /wd4324   # structure padded due to alignment specifier
    )

    if(OFFICE_WORD_WARNINGS_AS_ERRORS)
        list(APPEND gcc_like_warnings -Werror)
        list(APPEND msvc_warnings /WX)
    endif()

    if(MSVC)
        target_compile_options(${target} PRIVATE ${msvc_warnings})
    elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang|GNU")
        target_compile_options(${target} PRIVATE ${gcc_like_warnings})
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            # GCC 12 reports false positives in std::vector::insert under -O2.
            target_compile_options(${target} PRIVATE -Wno-stringop-overflow)
        endif()
    else()
        message(WARNING "No warning flags known for compiler ${CMAKE_CXX_COMPILER_ID}")
    endif()
endfunction()
