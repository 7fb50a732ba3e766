# Compiles probe files with the flags core is built with (its include root and the forced
# purity header): the control must compile, every forbidden include must not.
# -DCXX=... -DROOT=<core include root> -DGUARD=<purity.hpp> -DDIR=<tests/purity>
function(compile probe out_rc out_log)
  execute_process(
    COMMAND ${CXX} -std=c++20 -fsyntax-only -I${ROOT} -include ${GUARD} ${DIR}/${probe}
    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  set(${out_rc} ${rc} PARENT_SCOPE)
  set(${out_log} "${err}" PARENT_SCOPE)
endfunction()

compile(core_good.cpp rc log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the control probe does not compile with core's flags:\n${log}")
endif()
foreach(probe core_includes_store.cpp core_includes_http.cpp core_includes_asio.cpp core_includes_sqlite.cpp)
  compile(${probe} rc log)
  if(rc EQUAL 0)
    message(FATAL_ERROR "${probe} compiled with core's flags: core is not kept pure")
  endif()
  if(NOT log MATCHES "No such file or directory|poisoned")
    message(FATAL_ERROR "${probe} failed for another reason than purity:\n${log}")
  endif()
  message(STATUS "${probe}: refused as it should be")
endforeach()
